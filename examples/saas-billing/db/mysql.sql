CREATE USER IF NOT EXISTS 'billing_app'@'%' ACCOUNT LOCK;

CREATE ROLE IF NOT EXISTS 'billing_rw';

GRANT 'billing_rw' TO 'billing_app'@'%';

SET DEFAULT ROLE 'billing_rw' FOR 'billing_app'@'%';

CREATE TABLE `plans` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `code` VARCHAR(32) NOT NULL COMMENT 'Stable code used by the application, e.g. `pro-monthly`.',
  `name` VARCHAR(120) NOT NULL,
  `monthly_price_cents` BIGINT NOT NULL COMMENT 'Price per billing period, in the currency''s minor unit.',
  `currency` CHAR(3) NOT NULL COMMENT 'ISO 4217 currency code.',
  `active` BOOLEAN NOT NULL DEFAULT TRUE CHECK (`active` IN (0, 1)),
  CONSTRAINT `plans_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `plans_code_key` UNIQUE (`code`),
  CONSTRAINT `plans_monthly_price_cents_check` CHECK (`monthly_price_cents` >= 0),
  CONSTRAINT `plans_currency_check` CHECK (`currency` = upper(`currency`))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A price plan tenants subscribe to.';

-- row-level security of tenants is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `tenants` (
  `id` BINARY(16) NOT NULL,
  `slug` VARCHAR(63) NOT NULL COMMENT 'URL-safe identifier, e.g. `acme`.',
  `name` VARCHAR(200) NOT NULL COMMENT 'Display name.',
  `parent_tenant_id` BINARY(16) COMMENT 'The reseller that manages this tenant, if any.',
  `created_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `tenants_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `tenants_slug_key` UNIQUE (`slug`),
  CONSTRAINT `tenants_slug_length` CHECK (length(`slug`) BETWEEN 3 AND 63),
  CONSTRAINT `tenants_parent_tenant_id_fkey` FOREIGN KEY (`parent_tenant_id`) REFERENCES `tenants` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A customer organisation; every other row belongs to one.';

-- row-level security of tax_rates is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `tax_rates` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` BINARY(16) NOT NULL,
  `name` VARCHAR(64) NOT NULL,
  `rate` DECIMAL(6,4) NOT NULL COMMENT 'A fraction: 0.2000 is 20 %.',
  CONSTRAINT `tax_rates_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `tax_rates_tenant_id_name_key` UNIQUE (`tenant_id`, `name`),
  CONSTRAINT `tax_rates_rate_check` CHECK (`rate` >= 0 AND `rate` < 1),
  CONSTRAINT `tax_rates_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A sales-tax rate applied to invoice lines.';

-- row-level security of users is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `users` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(320) NOT NULL COMMENT 'Login e-mail, stored lower-case.',
  `display_name` VARCHAR(120) NOT NULL,
  `created_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `users_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `users_email_key` UNIQUE (`email`),
  CONSTRAINT `users_email_check` CHECK (`email` = lower(`email`))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A person who can sign in; may belong to several tenants.';

-- row-level security of api_keys is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `api_keys` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` BINARY(16) NOT NULL,
  `created_by` BIGINT NOT NULL,
  `prefix` CHAR(8) NOT NULL COMMENT 'The first characters of the key, shown to users to tell keys apart.',
  `secret_hash` LONGBLOB NOT NULL COMMENT 'SHA-256 of the secret.',
  `last_used_at` DATETIME(6),
  `revoked_at` DATETIME(6),
  CONSTRAINT `api_keys_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `api_keys_prefix_key` UNIQUE (`prefix`),
  CONSTRAINT `api_keys_secret_hash_check` CHECK (length(`secret_hash`) = 32),
  CONSTRAINT `api_keys_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT `api_keys_created_by_fkey` FOREIGN KEY (`created_by`) REFERENCES `users` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A credential for the public API; only a hash of the secret is stored.';

-- row-level security of audit_events is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `audit_events` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` BINARY(16) NOT NULL,
  `actor_user_id` BIGINT,
  `action` VARCHAR(64) NOT NULL COMMENT 'What happened, e.g. `invoice.paid`.',
  `entity` VARCHAR(64) NOT NULL,
  `entity_id` VARCHAR(64) NOT NULL,
  `details` JSON NOT NULL COMMENT 'Before and after values of the changed fields.',
  `occurred_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `audit_events_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `audit_events_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT `audit_events_actor_user_id_fkey` FOREIGN KEY (`actor_user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='An append-only record of who changed what.';

-- row-level security of memberships is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `memberships` (
  `tenant_id` BINARY(16) NOT NULL,
  `user_id` BIGINT NOT NULL,
  `role` ENUM('owner', 'admin', 'billing', 'member') NOT NULL DEFAULT 'member',
  `joined_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `memberships_pkey` PRIMARY KEY (`tenant_id`, `user_id`),
  CONSTRAINT `memberships_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT `memberships_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A user''s membership of a tenant.';

-- row-level security of invoices is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `invoices` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` BINARY(16) NOT NULL,
  `subscription_id` BIGINT,
  `number` INT NOT NULL COMMENT 'Sequential per tenant, shown to the customer.',
  `status` ENUM('draft', 'open', 'paid', 'void') NOT NULL DEFAULT 'draft',
  `currency` CHAR(3) NOT NULL,
  `total_cents` BIGINT NOT NULL DEFAULT 0 COMMENT 'Sum of the lines, tax included, in the currency''s minor unit.',
  `issued_at` DATETIME(6) NOT NULL,
  `due_at` DATETIME(6) NOT NULL,
  `paid_at` DATETIME(6),
  CONSTRAINT `invoices_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `invoices_tenant_id_number_key` UNIQUE (`tenant_id`, `number`),
  CONSTRAINT `invoices_number_check` CHECK (`number` > 0),
  CONSTRAINT `invoices_total_nonnegative` CHECK (`total_cents` >= 0),
  CONSTRAINT `invoices_due_after_issue` CHECK (`due_at` >= `issued_at`),
  CONSTRAINT `invoices_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='One bill sent to a tenant.';

-- row-level security of invoice_lines is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `invoice_lines` (
  `invoice_id` BIGINT NOT NULL,
  `line_no` INT NOT NULL COMMENT 'Position on the invoice, from 1.',
  `description` VARCHAR(500) NOT NULL,
  `quantity` INT NOT NULL,
  `unit_price_cents` BIGINT NOT NULL,
  `amount_cents` BIGINT NOT NULL,
  `tax_rate_id` BIGINT,
  CONSTRAINT `invoice_lines_pkey` PRIMARY KEY (`invoice_id`, `line_no`),
  CONSTRAINT `invoice_lines_line_no_check` CHECK (`line_no` > 0),
  CONSTRAINT `invoice_lines_quantity_check` CHECK (`quantity` > 0),
  CONSTRAINT `invoice_lines_amount` CHECK (`amount_cents` = `quantity` * `unit_price_cents`),
  CONSTRAINT `invoice_lines_invoice_id_fkey` FOREIGN KEY (`invoice_id`) REFERENCES `invoices` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT `invoice_lines_tax_rate_id_fkey` FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='One priced line of an invoice.';

-- row-level security of payments is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `payments` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `invoice_id` BIGINT NOT NULL,
  `amount_cents` BIGINT NOT NULL,
  `method` ENUM('card', 'bank_transfer', 'wallet') NOT NULL,
  `provider_ref` VARCHAR(64) NOT NULL COMMENT 'The payment provider''s reference, unique across providers.',
  `received_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  CONSTRAINT `payments_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `payments_provider_ref_key` UNIQUE (`provider_ref`),
  CONSTRAINT `payments_amount_cents_check` CHECK (`amount_cents` > 0),
  CONSTRAINT `payments_invoice_id_fkey` FOREIGN KEY (`invoice_id`) REFERENCES `invoices` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='Money received against an invoice.';

-- row-level security of subscriptions is not enforced on MySQL: it is declared for PostgreSQL only; the application must filter by tenant
CREATE TABLE `subscriptions` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` BINARY(16) NOT NULL,
  `plan_id` BIGINT NOT NULL,
  `status` ENUM('trialing', 'active', 'past_due', 'canceled') NOT NULL DEFAULT 'trialing',
  `latest_invoice_id` BIGINT COMMENT 'The most recent invoice; forms a reference cycle with `invoices.subscription_id`.',
  `started_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  `canceled_at` DATETIME(6),
  CONSTRAINT `subscriptions_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `subscriptions_canceled_after_start` CHECK (`canceled_at` IS NULL OR `canceled_at` >= `started_at`),
  CONSTRAINT `subscriptions_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT `subscriptions_plan_id_fkey` FOREIGN KEY (`plan_id`) REFERENCES `plans` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION,
  CONSTRAINT `subscriptions_latest_invoice_id_fkey` FOREIGN KEY (`latest_invoice_id`) REFERENCES `invoices` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A tenant''s subscription to a plan.';

CREATE INDEX `tenants_parent_tenant_id_idx` ON `tenants` (`parent_tenant_id`);

CREATE INDEX `api_keys_tenant_id_idx` ON `api_keys` (`tenant_id`);

CREATE INDEX `api_keys_created_by_idx` ON `api_keys` (`created_by`);

CREATE INDEX `audit_events_actor_user_id_idx` ON `audit_events` (`actor_user_id`);

CREATE INDEX `audit_events_tenant_id_occurred_at_idx` ON `audit_events` (`tenant_id`, `occurred_at`);

CREATE INDEX `memberships_user_id_idx` ON `memberships` (`user_id`);

CREATE INDEX `invoices_subscription_id_idx` ON `invoices` (`subscription_id`);

CREATE INDEX `invoices_tenant_id_issued_at_idx` ON `invoices` (`tenant_id`, `issued_at`);

CREATE INDEX `invoice_lines_tax_rate_id_idx` ON `invoice_lines` (`tax_rate_id`);

CREATE INDEX `payments_invoice_id_idx` ON `payments` (`invoice_id`);

CREATE INDEX `subscriptions_plan_id_idx` ON `subscriptions` (`plan_id`);

CREATE INDEX `subscriptions_latest_invoice_id_idx` ON `subscriptions` (`latest_invoice_id`);

CREATE INDEX `subscriptions_tenant_id_status_idx` ON `subscriptions` (`tenant_id`, `status`);

ALTER TABLE `invoices` ADD CONSTRAINT `invoices_subscription_id_fkey` FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;

GRANT SELECT ON TABLE `tenants` TO 'billing_rw';

GRANT UPDATE (`name`) ON TABLE `tenants` TO 'billing_rw';

GRANT SELECT ON TABLE `users` TO 'billing_rw';

GRANT UPDATE (`display_name`) ON TABLE `users` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE `memberships` TO 'billing_rw';

GRANT SELECT ON TABLE `plans` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE ON TABLE `subscriptions` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE `tax_rates` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE ON TABLE `invoices` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE `invoice_lines` TO 'billing_rw';

GRANT SELECT, INSERT ON TABLE `payments` TO 'billing_rw';

GRANT SELECT, INSERT, UPDATE ON TABLE `api_keys` TO 'billing_rw';

GRANT SELECT, INSERT ON TABLE `audit_events` TO 'billing_rw';

