-- index documents_meta_idx is not created on MySQL: it is declared for PostgreSQL only
-- index documents_title_idx is not created on MySQL: it is declared for PostgreSQL, SQLite only
CREATE TABLE `documents` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `title` LONGTEXT NOT NULL,
  `meta` JSON NOT NULL,
  CONSTRAINT `documents_pkey` PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='Searchable documents about a stay: JSON containment (PostgreSQL GIN), a title prefix index
(MySQL) or a plain one (elsewhere).';

-- index guests_email_lower_key is not created on MySQL: it is declared for PostgreSQL, SQLite only
CREATE TABLE `guests` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(320) COLLATE `utf8mb4_general_ci` NOT NULL,
  `token` BINARY(16) NOT NULL DEFAULT (UNHEX(REPLACE(UUID(), '-', ''))) COMMENT 'A public handle, random on every engine.',
  `nickname` LONGTEXT COLLATE utf8mb4_general_ci COMMENT 'Case-insensitive text: PostgreSQL `citext`, a case-insensitive collation elsewhere.',
  CONSTRAINT `guests_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `guests_token_key` UNIQUE (`token`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A guest; one account per email address, whatever its letter case.';

CREATE TABLE `rooms` (
  `id` BIGINT NOT NULL,
  `name` VARCHAR(80) COLLATE `utf8mb4_general_ci` NOT NULL COMMENT 'Sorted and compared the way people read names.',
  `floor` SMALLINT NOT NULL CHECK (`floor` BETWEEN -5 AND 200),
  CONSTRAINT `rooms_pkey` PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A room; rooms are few and looked up by number, so the table is stored by its key
(SQLite `WITHOUT ROWID`).';

-- index bookings_guest_covering is not created on MySQL: it is declared for PostgreSQL only
-- index bookings_notes_idx is not created on MySQL: it is declared for PostgreSQL only
-- index bookings_starts_brin is not created on MySQL: it is declared for PostgreSQL only
-- exclusion constraint bookings_room_id_tstzrange_starts_at_ends_at_excl is not created on MySQL: it is declared for PostgreSQL only
CREATE TABLE `bookings` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `room_id` BIGINT NOT NULL,
  `guest_id` BIGINT NOT NULL,
  `starts_at` DATETIME(6) NOT NULL,
  `ends_at` DATETIME(6) NOT NULL,
  `cancelled` BOOLEAN NOT NULL DEFAULT FALSE CHECK (`cancelled` IN (0, 1)),
  `nights` INT NOT NULL,
  `price_cents` BIGINT NOT NULL,
  `total_cents` BIGINT GENERATED ALWAYS AS (`price_cents` * `nights`) STORED COMMENT 'Computed by the engine when the row is written.' CHECK (`total_cents` IS NOT NULL),
  `notes` LONGTEXT NOT NULL,
  CONSTRAINT `bookings_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `bookings_check1` CHECK (`ends_at` > `starts_at`),
  CONSTRAINT `bookings_room_id_fkey` FOREIGN KEY (`room_id`) REFERENCES `rooms` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION,
  CONSTRAINT `bookings_guest_id_fkey` FOREIGN KEY (`guest_id`) REFERENCES `guests` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A stay in a room; no two live bookings of a room overlap (PostgreSQL).';

CREATE INDEX `documents_title_prefix` ON `documents` (`title`(20));

CREATE UNIQUE INDEX `guests_email_ci_key` ON `guests` (`email`);

CREATE INDEX `bookings_guest_id_idx` ON `bookings` (`guest_id`);

CREATE INDEX `bookings_room_id_starts_at_idx` ON `bookings` (`room_id`, `starts_at` DESC);

CREATE FULLTEXT INDEX `bookings_notes_fulltext` ON `bookings` (`notes`);

