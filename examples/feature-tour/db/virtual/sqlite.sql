PRAGMA foreign_keys = ON;

CREATE TABLE "readings" (
  -- A sensor reading; the Fahrenheit value is computed on read (MySQL/MariaDB and SQLite).
  "id" INTEGER NOT NULL,
  "celsius" REAL NOT NULL,
  "fahrenheit" REAL GENERATED ALWAYS AS ("celsius" * 9 / 5 + 32) VIRTUAL NOT NULL,
  CONSTRAINT "readings_pkey" PRIMARY KEY ("id")
) STRICT;

