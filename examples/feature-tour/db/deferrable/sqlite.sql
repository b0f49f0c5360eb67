PRAGMA foreign_keys = ON;

CREATE TABLE "tour_stops" (
  -- A stop of a guided tour; stops point at the next stop, and a tour is inserted in any order
  -- inside one transaction (checked at COMMIT: PostgreSQL and SQLite).
  "id" INTEGER NOT NULL,
  "next_stop" INTEGER,
  "title" TEXT NOT NULL CHECK (length("title") <= 80),
  CONSTRAINT "tour_stops_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "tour_stops_next_stop_fkey" FOREIGN KEY ("next_stop") REFERENCES "tour_stops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
) STRICT;

