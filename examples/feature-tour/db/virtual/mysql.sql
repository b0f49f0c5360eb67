CREATE TABLE `readings` (
  `id` BIGINT NOT NULL,
  `celsius` DOUBLE NOT NULL,
  `fahrenheit` DOUBLE GENERATED ALWAYS AS (`celsius` * 9 / 5 + 32) VIRTUAL CHECK (`fahrenheit` IS NOT NULL),
  CONSTRAINT `readings_pkey` PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A sensor reading; the Fahrenheit value is computed on read (MySQL/MariaDB and SQLite).';

