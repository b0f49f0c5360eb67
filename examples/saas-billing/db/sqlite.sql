PRAGMA foreign_keys = ON;

CREATE TABLE "audit_log" (
  -- Row changes of audited tables, written by triggers
  -- Order of the changes
  "id" INTEGER NOT NULL CONSTRAINT "audit_log_pkey" PRIMARY KEY AUTOINCREMENT,
  -- The changed table
  "table_name" TEXT NOT NULL CHECK (length("table_name") <= 63),
  -- INSERT, UPDATE or DELETE
  "operation" TEXT NOT NULL CHECK (length("operation") <= 6),
  -- The row before the change (NULL for INSERT)
  "old_row" TEXT CHECK ("old_row" IS NULL OR json_valid("old_row")),
  -- The row after the change (NULL for DELETE)
  "new_row" TEXT CHECK ("new_row" IS NULL OR json_valid("new_row")),
  -- Who made the change: the app.actor setting or the database role
  "actor" TEXT,
  -- When the change was made (UTC)
  "changed_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("changed_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("changed_at") IS NOT NULL),
  CONSTRAINT "audit_log_operation_check" CHECK ("operation" IN ('INSERT', 'UPDATE', 'DELETE'))
) STRICT;

CREATE TABLE "plans" (
  -- A price plan tenants subscribe to.
  "id" INTEGER NOT NULL CONSTRAINT "plans_pkey" PRIMARY KEY AUTOINCREMENT,
  -- Stable code used by the application, e.g. `pro-monthly`.
  "code" TEXT NOT NULL CHECK (length("code") <= 32),
  "name" TEXT NOT NULL CHECK (length("name") <= 120),
  -- Price per billing period, in the currency's minor unit.
  "monthly_price_cents" INTEGER NOT NULL,
  -- ISO 4217 currency code.
  "currency" TEXT NOT NULL CHECK (length("currency") <= 3),
  "active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0, 1)),
  CONSTRAINT "plans_code_key" UNIQUE ("code"),
  CONSTRAINT "plans_monthly_price_cents_check" CHECK ("monthly_price_cents" >= 0),
  CONSTRAINT "plans_currency_check" CHECK ("currency" = upper("currency"))
) STRICT;

-- row-level security of tenants is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "tenants" (
  -- A customer organisation; every other row belongs to one.
  "id" BLOB NOT NULL CHECK (length("id") = 16),
  -- URL-safe identifier, e.g. `acme`.
  "slug" TEXT NOT NULL CHECK (length("slug") <= 63),
  -- Display name.
  "name" TEXT NOT NULL CHECK (length("name") <= 200),
  -- The reseller that manages this tenant, if any.
  "parent_tenant_id" BLOB CHECK (length("parent_tenant_id") = 16),
  "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("created_at") IS NOT NULL),
  -- Set by the engine on every change of the row.
  "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("updated_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("updated_at") IS NOT NULL),
  CONSTRAINT "tenants_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "tenants_slug_key" UNIQUE ("slug"),
  CONSTRAINT "tenants_slug_length" CHECK (length("slug") BETWEEN 3 AND 63),
  CONSTRAINT "tenants_parent_tenant_id_fkey" FOREIGN KEY ("parent_tenant_id") REFERENCES "tenants" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
) STRICT;

-- row-level security of tax_rates is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "tax_rates" (
  -- A sales-tax rate applied to invoice lines.
  "id" INTEGER NOT NULL CONSTRAINT "tax_rates_pkey" PRIMARY KEY AUTOINCREMENT,
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "name" TEXT NOT NULL CHECK (length("name") <= 64),
  -- A fraction: 0.2000 is 20 %.
  "rate" TEXT NOT NULL CHECK ("rate" GLOB '*[0-9]*' AND "rate" NOT GLOB '*[^0-9.+-]*' AND "rate" NOT GLOB '*.*.*' AND "rate" NOT GLOB '?*[+-]*'),
  CONSTRAINT "tax_rates_tenant_id_name_key" UNIQUE ("tenant_id", "name"),
  CONSTRAINT "tax_rates_rate_check" CHECK (CAST("rate" AS NUMERIC) >= 0 AND CAST("rate" AS NUMERIC) < 1),
  CONSTRAINT "tax_rates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
) STRICT;

CREATE TABLE "usage_events" (
  -- A metered quantity a tenant used (API calls, storage, seats), recorded as it happens.
  "id" BLOB NOT NULL DEFAULT (randomblob(16)) CHECK (length("id") = 16),
  -- No foreign key: InnoDB partitioned tables take none, and usage outlives deleted tenants
  -- until the partition is detached.
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  -- What was measured, e.g. `api.requests`.
  "metric" TEXT NOT NULL CHECK (length("metric") <= 64),
  "quantity" INTEGER NOT NULL,
  "recorded_at" TEXT NOT NULL CHECK ("recorded_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("recorded_at") IS NOT NULL),
  CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id", "recorded_at"),
  CONSTRAINT "usage_events_quantity_check" CHECK ("quantity" >= 0)
) STRICT;

-- row-level security of users is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "users" (
  -- A person who can sign in; may belong to several tenants.
  "id" INTEGER NOT NULL CONSTRAINT "users_pkey" PRIMARY KEY AUTOINCREMENT,
  -- Login e-mail, stored lower-case.
  "email" TEXT NOT NULL CHECK (length("email") <= 320),
  "display_name" TEXT NOT NULL CHECK (length("display_name") <= 120),
  "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("created_at") IS NOT NULL),
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_email_check" CHECK ("email" = lower("email"))
) STRICT;

-- row-level security of api_keys is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "api_keys" (
  -- A credential for the public API; only a hash of the secret is stored.
  "id" INTEGER NOT NULL CONSTRAINT "api_keys_pkey" PRIMARY KEY AUTOINCREMENT,
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "created_by" INTEGER NOT NULL,
  -- The first characters of the key, shown to users to tell keys apart.
  "prefix" TEXT NOT NULL CHECK (length("prefix") <= 8),
  -- SHA-256 of the secret.
  "secret_hash" BLOB NOT NULL,
  "last_used_at" TEXT CHECK ("last_used_at" IS NULL OR ("last_used_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("last_used_at") IS NOT NULL)),
  "revoked_at" TEXT CHECK ("revoked_at" IS NULL OR ("revoked_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("revoked_at") IS NOT NULL)),
  CONSTRAINT "api_keys_prefix_key" UNIQUE ("prefix"),
  CONSTRAINT "api_keys_secret_hash_check" CHECK (length("secret_hash") = 32),
  CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
) STRICT;

-- row-level security of audit_events is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "audit_events" (
  -- An append-only record of who changed what.
  "id" INTEGER NOT NULL CONSTRAINT "audit_events_pkey" PRIMARY KEY AUTOINCREMENT,
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "actor_user_id" INTEGER,
  -- What happened, e.g. `invoice.paid`.
  "action" TEXT NOT NULL CHECK (length("action") <= 64),
  "entity" TEXT NOT NULL CHECK (length("entity") <= 64),
  "entity_id" TEXT NOT NULL CHECK (length("entity_id") <= 64),
  -- Before and after values of the changed fields.
  "details" TEXT NOT NULL CHECK (json_valid("details")),
  "occurred_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("occurred_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("occurred_at") IS NOT NULL),
  CONSTRAINT "audit_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "audit_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION
) STRICT;

-- row-level security of memberships is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "memberships" (
  -- A user's membership of a tenant.
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "user_id" INTEGER NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'member' CHECK ("role" IN ('owner', 'admin', 'billing', 'member')),
  "joined_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("joined_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("joined_at") IS NOT NULL),
  CONSTRAINT "memberships_pkey" PRIMARY KEY ("tenant_id", "user_id"),
  CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
) STRICT;

-- row-level security of invoices is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "invoices" (
  -- One bill sent to a tenant.
  "id" INTEGER NOT NULL CONSTRAINT "invoices_pkey" PRIMARY KEY AUTOINCREMENT,
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "subscription_id" INTEGER,
  -- Sequential per tenant, shown to the customer.
  "number" INTEGER NOT NULL CHECK ("number" BETWEEN -2147483648 AND 2147483647),
  "status" TEXT NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'open', 'paid', 'void')),
  "currency" TEXT NOT NULL CHECK (length("currency") <= 3),
  -- Sum of the lines, tax included, in the currency's minor unit.
  "total_cents" INTEGER NOT NULL DEFAULT 0,
  "issued_at" TEXT NOT NULL CHECK ("issued_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("issued_at") IS NOT NULL),
  "due_at" TEXT NOT NULL CHECK ("due_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("due_at") IS NOT NULL),
  "paid_at" TEXT CHECK ("paid_at" IS NULL OR ("paid_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("paid_at") IS NOT NULL)),
  CONSTRAINT "invoices_tenant_id_number_key" UNIQUE ("tenant_id", "number"),
  CONSTRAINT "invoices_number_check" CHECK ("number" > 0),
  CONSTRAINT "invoices_total_nonnegative" CHECK ("total_cents" >= 0),
  CONSTRAINT "invoices_due_after_issue" CHECK ("due_at" >= "issued_at"),
  CONSTRAINT "invoices_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION
) STRICT;

-- row-level security of invoice_lines is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "invoice_lines" (
  -- One priced line of an invoice.
  "invoice_id" INTEGER NOT NULL,
  -- Position on the invoice, from 1.
  "line_no" INTEGER NOT NULL CHECK ("line_no" BETWEEN -2147483648 AND 2147483647),
  "description" TEXT NOT NULL CHECK (length("description") <= 500),
  "quantity" INTEGER NOT NULL CHECK ("quantity" BETWEEN -2147483648 AND 2147483647),
  "unit_price_cents" INTEGER NOT NULL,
  "amount_cents" INTEGER NOT NULL,
  "tax_rate_id" INTEGER,
  CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("invoice_id", "line_no"),
  CONSTRAINT "invoice_lines_line_no_check" CHECK ("line_no" > 0),
  CONSTRAINT "invoice_lines_quantity_check" CHECK ("quantity" > 0),
  CONSTRAINT "invoice_lines_amount" CHECK ("amount_cents" = "quantity" * "unit_price_cents"),
  CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "invoice_lines_tax_rate_id_fkey" FOREIGN KEY ("tax_rate_id") REFERENCES "tax_rates" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
) STRICT;

-- row-level security of payments is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "payments" (
  -- Money received against an invoice.
  "id" INTEGER NOT NULL CONSTRAINT "payments_pkey" PRIMARY KEY AUTOINCREMENT,
  "invoice_id" INTEGER NOT NULL,
  "amount_cents" INTEGER NOT NULL,
  "method" TEXT NOT NULL CHECK ("method" IN ('card', 'bank_transfer', 'wallet')),
  -- The payment provider's reference, unique across providers.
  "provider_ref" TEXT NOT NULL CHECK (length("provider_ref") <= 64),
  "received_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("received_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("received_at") IS NOT NULL),
  CONSTRAINT "payments_provider_ref_key" UNIQUE ("provider_ref"),
  CONSTRAINT "payments_amount_cents_check" CHECK ("amount_cents" > 0),
  CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
) STRICT;

-- row-level security of subscriptions is not enforced on SQLite: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE "subscriptions" (
  -- A tenant's subscription to a plan.
  "id" INTEGER NOT NULL CONSTRAINT "subscriptions_pkey" PRIMARY KEY AUTOINCREMENT,
  "tenant_id" BLOB NOT NULL CHECK (length("tenant_id") = 16),
  "plan_id" INTEGER NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'trialing' CHECK ("status" IN ('trialing', 'active', 'past_due', 'canceled')),
  -- The most recent invoice; forms a reference cycle with `invoices.subscription_id`.
  "latest_invoice_id" INTEGER,
  "started_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK ("started_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("started_at") IS NOT NULL),
  "canceled_at" TEXT CHECK ("canceled_at" IS NULL OR ("canceled_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime("canceled_at") IS NOT NULL)),
  CONSTRAINT "subscriptions_canceled_after_start" CHECK ("canceled_at" IS NULL OR "canceled_at" >= "started_at"),
  CONSTRAINT "subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT "subscriptions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
  CONSTRAINT "subscriptions_latest_invoice_id_fkey" FOREIGN KEY ("latest_invoice_id") REFERENCES "invoices" ("id") ON DELETE SET NULL ON UPDATE NO ACTION
) STRICT;

CREATE INDEX "audit_log_table_name_changed_at_idx" ON "audit_log" ("table_name", "changed_at");

CREATE INDEX "tenants_parent_tenant_id_idx" ON "tenants" ("parent_tenant_id");

CREATE INDEX "usage_events_tenant_id_recorded_at_idx" ON "usage_events" ("tenant_id", "recorded_at");

CREATE INDEX "api_keys_tenant_id_idx" ON "api_keys" ("tenant_id");

CREATE INDEX "api_keys_created_by_idx" ON "api_keys" ("created_by");

CREATE INDEX "audit_events_actor_user_id_idx" ON "audit_events" ("actor_user_id");

CREATE INDEX "audit_events_tenant_id_occurred_at_idx" ON "audit_events" ("tenant_id", "occurred_at");

CREATE INDEX "memberships_user_id_idx" ON "memberships" ("user_id");

CREATE INDEX "invoices_subscription_id_idx" ON "invoices" ("subscription_id");

CREATE INDEX "invoices_tenant_id_issued_at_idx" ON "invoices" ("tenant_id", "issued_at");

CREATE INDEX "invoice_lines_tax_rate_id_idx" ON "invoice_lines" ("tax_rate_id");

CREATE INDEX "payments_invoice_id_idx" ON "payments" ("invoice_id");

CREATE INDEX "subscriptions_plan_id_idx" ON "subscriptions" ("plan_id");

CREATE INDEX "subscriptions_latest_invoice_id_idx" ON "subscriptions" ("latest_invoice_id");

CREATE INDEX "subscriptions_tenant_id_status_idx" ON "subscriptions" ("tenant_id", "status");

-- Invoices issued and not paid yet. On PostgreSQL the view runs with the querying role's
-- rights and row-level security (`security_invoker`), so a tenant sees only its own.
CREATE VIEW "open_invoices" ("id", "tenant_id", "number", "currency", "total_cents", "due_at") AS
SELECT id, tenant_id, number, currency, total_cents, due_at FROM invoices WHERE status = 'open' AND paid_at IS NULL;

-- Billed amount per tenant and currency, stored and refreshed with
-- `REFRESH MATERIALIZED VIEW CONCURRENTLY` (a plain view on MySQL and SQLite).
-- materialized view tenant_revenue is a plain view on SQLite, which has no materialized views: always current, computed when read
CREATE VIEW "tenant_revenue" ("tenant_id", "currency", "billed_cents", "invoice_count") AS
SELECT tenant_id, currency, SUM(total_cents) AS billed_cents, COUNT(*) AS invoice_count FROM invoices WHERE status <> 'void' GROUP BY tenant_id, currency;

CREATE TRIGGER "invoices_audit_insert" AFTER INSERT ON "invoices" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('invoices', 'INSERT', NULL, json_object('id', NEW."id", 'tenant_id', hex(NEW."tenant_id"), 'subscription_id', NEW."subscription_id", 'number', NEW."number", 'status', NEW."status", 'currency', NEW."currency", 'total_cents', NEW."total_cents", 'issued_at', NEW."issued_at", 'due_at', NEW."due_at", 'paid_at', NEW."paid_at"), NULL);
END;

CREATE TRIGGER "invoices_audit_update" AFTER UPDATE ON "invoices" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('invoices', 'UPDATE', json_object('id', OLD."id", 'tenant_id', hex(OLD."tenant_id"), 'subscription_id', OLD."subscription_id", 'number', OLD."number", 'status', OLD."status", 'currency', OLD."currency", 'total_cents', OLD."total_cents", 'issued_at', OLD."issued_at", 'due_at', OLD."due_at", 'paid_at', OLD."paid_at"), json_object('id', NEW."id", 'tenant_id', hex(NEW."tenant_id"), 'subscription_id', NEW."subscription_id", 'number', NEW."number", 'status', NEW."status", 'currency', NEW."currency", 'total_cents', NEW."total_cents", 'issued_at', NEW."issued_at", 'due_at', NEW."due_at", 'paid_at', NEW."paid_at"), NULL);
END;

CREATE TRIGGER "invoices_audit_delete" AFTER DELETE ON "invoices" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('invoices', 'DELETE', json_object('id', OLD."id", 'tenant_id', hex(OLD."tenant_id"), 'subscription_id', OLD."subscription_id", 'number', OLD."number", 'status', OLD."status", 'currency', OLD."currency", 'total_cents', OLD."total_cents", 'issued_at', OLD."issued_at", 'due_at', OLD."due_at", 'paid_at', OLD."paid_at"), NULL, NULL);
END;

CREATE TRIGGER "payments_audit_insert" AFTER INSERT ON "payments" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('payments', 'INSERT', NULL, json_object('id', NEW."id", 'invoice_id', NEW."invoice_id", 'amount_cents', NEW."amount_cents", 'method', NEW."method", 'provider_ref', NEW."provider_ref", 'received_at', NEW."received_at"), NULL);
END;

CREATE TRIGGER "payments_audit_update" AFTER UPDATE ON "payments" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('payments', 'UPDATE', json_object('id', OLD."id", 'invoice_id', OLD."invoice_id", 'amount_cents', OLD."amount_cents", 'method', OLD."method", 'provider_ref', OLD."provider_ref", 'received_at', OLD."received_at"), json_object('id', NEW."id", 'invoice_id', NEW."invoice_id", 'amount_cents', NEW."amount_cents", 'method', NEW."method", 'provider_ref', NEW."provider_ref", 'received_at', NEW."received_at"), NULL);
END;

CREATE TRIGGER "payments_audit_delete" AFTER DELETE ON "payments" FOR EACH ROW
BEGIN
  INSERT INTO "audit_log" ("table_name", "operation", "old_row", "new_row", "actor") VALUES ('payments', 'DELETE', json_object('id', OLD."id", 'invoice_id', OLD."invoice_id", 'amount_cents', OLD."amount_cents", 'method', OLD."method", 'provider_ref', OLD."provider_ref", 'received_at', OLD."received_at"), NULL, NULL);
END;

CREATE TRIGGER "tenants_updated_at" AFTER UPDATE ON "tenants" FOR EACH ROW WHEN NEW."updated_at" IS NOT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
BEGIN
  UPDATE "tenants" SET "updated_at" = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE "id" = NEW."id" AND "updated_at" IS NOT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

