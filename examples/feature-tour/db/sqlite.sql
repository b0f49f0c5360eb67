PRAGMA foreign_keys = ON;

-- index documents_meta_idx is not created on SQLite: it is declared for PostgreSQL only
-- index documents_title_prefix is not created on SQLite: it is declared for MySQL only
CREATE TABLE "documents" (
  -- Searchable documents about a stay: JSON containment (PostgreSQL GIN), a title prefix index
  -- (MySQL) or a plain one (elsewhere).
  "id" INTEGER NOT NULL CONSTRAINT "documents_pkey" PRIMARY KEY AUTOINCREMENT,
  "title" TEXT NOT NULL,
  "meta" TEXT NOT NULL CHECK (json_valid("meta"))
) STRICT;

-- index guests_email_ci_key is not created on SQLite: it is declared for MySQL only
CREATE TABLE "guests" (
  -- A guest; one account per email address, whatever its letter case.
  "id" INTEGER NOT NULL CONSTRAINT "guests_pkey" PRIMARY KEY AUTOINCREMENT,
  "email" TEXT NOT NULL CHECK (length("email") <= 320),
  -- A public handle, random on every engine.
  "token" BLOB NOT NULL DEFAULT (randomblob(16)) CHECK (length("token") = 16),
  -- Case-insensitive text: PostgreSQL `citext`, a case-insensitive collation elsewhere.
  "nickname" TEXT COLLATE NOCASE,
  CONSTRAINT "guests_token_key" UNIQUE ("token")
) STRICT;

CREATE TABLE "rooms" (
  -- A room; rooms are few and looked up by number, so the table is stored by its key
  -- (SQLite `WITHOUT ROWID`).
  "id" INTEGER NOT NULL,
  -- Sorted and compared the way people read names.
  "name" TEXT COLLATE "NOCASE" NOT NULL CHECK (length("name") <= 80),
  "floor" INTEGER NOT NULL CHECK ("floor" BETWEEN -32768 AND 32767) CHECK ("floor" BETWEEN -5 AND 200),
  CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
) STRICT, WITHOUT ROWID;

-- index bookings_guest_covering is not created on SQLite: it is declared for PostgreSQL only
-- index bookings_notes_idx is not created on SQLite: it is declared for PostgreSQL only
-- index bookings_notes_fulltext is not created on SQLite: it is declared for MySQL only
-- index bookings_starts_brin is not created on SQLite: it is declared for PostgreSQL only
-- exclusion constraint bookings_room_id_tstzrange_starts_at_ends_at_excl is not created on SQLite: it is declared for PostgreSQL only
CREATE TABLE "bookings" (
  -- A stay in a room; no two live bookings of a room overlap (PostgreSQL).
  "id" INTEGER NOT NULL CONSTRAINT "bookings_pkey" PRIMARY KEY AUTOINCREMENT,
  "room_id" INTEGER NOT NULL,
  "guest_id" INTEGER NOT NULL,
  "starts_at" TEXT NOT NULL CHECK ("starts_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("starts_at") IS NOT NULL),
  "ends_at" TEXT NOT NULL CHECK ("ends_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("ends_at") IS NOT NULL),
  "cancelled" INTEGER NOT NULL DEFAULT 0 CHECK ("cancelled" IN (0, 1)),
  "nights" INTEGER NOT NULL CHECK ("nights" BETWEEN -2147483648 AND 2147483647),
  "price_cents" INTEGER NOT NULL,
  -- Computed by the engine when the row is written.
  "total_cents" INTEGER GENERATED ALWAYS AS ("price_cents" * "nights") STORED NOT NULL,
  "notes" TEXT NOT NULL,
  CONSTRAINT "bookings_check1" CHECK ("ends_at" > "starts_at"),
  CONSTRAINT "bookings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
  CONSTRAINT "bookings_guest_id_fkey" FOREIGN KEY ("guest_id") REFERENCES "guests" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
) STRICT;

CREATE INDEX "documents_title_idx" ON "documents" ("title");

CREATE UNIQUE INDEX "guests_email_lower_key" ON "guests" ((lower("email")));

CREATE INDEX "bookings_guest_id_idx" ON "bookings" ("guest_id");

CREATE INDEX "bookings_room_id_starts_at_idx" ON "bookings" ("room_id", "starts_at" DESC);

