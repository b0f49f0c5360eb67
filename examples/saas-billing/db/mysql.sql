CREATE USER IF NOT EXISTS 'billing_app'@'%' ACCOUNT LOCK;

CREATE ROLE IF NOT EXISTS 'billing_rw';

GRANT 'billing_rw' TO 'billing_app'@'%';

SET DEFAULT ROLE 'billing_rw' FOR 'billing_app'@'%';

CREATE TABLE `audit_log` (
  `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT 'Order of the changes',
  `table_name` VARCHAR(63) NOT NULL COMMENT 'The changed table',
  `operation` VARCHAR(6) NOT NULL COMMENT 'INSERT, UPDATE or DELETE',
  `old_row` JSON COMMENT 'The row before the change (NULL for INSERT)',
  `new_row` JSON COMMENT 'The row after the change (NULL for DELETE)',
  `actor` LONGTEXT COMMENT 'Who made the change: the app.actor setting or the database role',
  `changed_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)) COMMENT 'When the change was made (UTC)',
  CONSTRAINT `audit_log_pkey` PRIMARY KEY (`id`),
  CONSTRAINT `audit_log_operation_check` CHECK (`operation` IN ('INSERT', 'UPDATE', 'DELETE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='Row changes of audited tables, written by triggers';

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
  `updated_at` DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)) COMMENT 'Set by the engine on every change of the row.',
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

CREATE TABLE `usage_events` (
  `id` BINARY(16) NOT NULL DEFAULT (UNHEX(REPLACE(UUID(), '-', ''))),
  `tenant_id` BINARY(16) NOT NULL COMMENT 'No foreign key: InnoDB partitioned tables take none, and usage outlives deleted tenants
until the partition is detached.',
  `metric` VARCHAR(64) NOT NULL COMMENT 'What was measured, e.g. `api.requests`.',
  `quantity` BIGINT NOT NULL,
  `recorded_at` DATETIME(6) NOT NULL,
  CONSTRAINT `usage_events_pkey` PRIMARY KEY (`id`, `recorded_at`),
  CONSTRAINT `usage_events_quantity_check` CHECK (`quantity` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='A metered quantity a tenant used (API calls, storage, seats), recorded as it happens.' PARTITION BY RANGE COLUMNS(`recorded_at`) (
  PARTITION `usage_events_p202601` VALUES LESS THAN ('2026-02-01'),
  PARTITION `usage_events_p202602` VALUES LESS THAN ('2026-03-01'),
  PARTITION `usage_events_p202603` VALUES LESS THAN ('2026-04-01'),
  PARTITION `usage_events_p202604` VALUES LESS THAN ('2026-05-01'),
  PARTITION `usage_events_p202605` VALUES LESS THAN ('2026-06-01'),
  PARTITION `usage_events_p202606` VALUES LESS THAN ('2026-07-01'),
  PARTITION `usage_events_default` VALUES LESS THAN (MAXVALUE)
);

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

CREATE INDEX `audit_log_table_name_changed_at_idx` ON `audit_log` (`table_name`, `changed_at`);

CREATE INDEX `tenants_parent_tenant_id_idx` ON `tenants` (`parent_tenant_id`);

CREATE INDEX `usage_events_tenant_id_recorded_at_idx` ON `usage_events` (`tenant_id`, `recorded_at`);

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

-- Invoices issued and not paid yet. On PostgreSQL the view runs with the querying role's
-- rights and row-level security (`security_invoker`), so a tenant sees only its own.
CREATE SQL SECURITY INVOKER VIEW `open_invoices` (`id`, `tenant_id`, `number`, `currency`, `total_cents`, `due_at`) AS
SELECT id, tenant_id, number, currency, total_cents, due_at FROM invoices WHERE status = 'open' AND paid_at IS NULL;

-- Billed amount per tenant and currency, stored and refreshed with
-- `REFRESH MATERIALIZED VIEW CONCURRENTLY` (a plain view on MySQL and SQLite).
-- materialized view tenant_revenue is a plain view on MySQL, which has no materialized views: always current, computed when read
CREATE SQL SECURITY INVOKER VIEW `tenant_revenue` (`tenant_id`, `currency`, `billed_cents`, `invoice_count`) AS
SELECT tenant_id, currency, SUM(total_cents) AS billed_cents, COUNT(*) AS invoice_count FROM invoices WHERE status <> 'void' GROUP BY tenant_id, currency;

CREATE TRIGGER `invoices_audit_insert` AFTER INSERT ON `invoices` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('invoices', 'INSERT', NULL, JSON_OBJECT('id', NEW.`id`, 'tenant_id', hex(NEW.`tenant_id`), 'subscription_id', NEW.`subscription_id`, 'number', NEW.`number`, 'status', NEW.`status`, 'currency', NEW.`currency`, 'total_cents', NEW.`total_cents`, 'issued_at', NEW.`issued_at`, 'due_at', NEW.`due_at`, 'paid_at', NEW.`paid_at`), COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `invoices_audit_update` AFTER UPDATE ON `invoices` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('invoices', 'UPDATE', JSON_OBJECT('id', OLD.`id`, 'tenant_id', hex(OLD.`tenant_id`), 'subscription_id', OLD.`subscription_id`, 'number', OLD.`number`, 'status', OLD.`status`, 'currency', OLD.`currency`, 'total_cents', OLD.`total_cents`, 'issued_at', OLD.`issued_at`, 'due_at', OLD.`due_at`, 'paid_at', OLD.`paid_at`), JSON_OBJECT('id', NEW.`id`, 'tenant_id', hex(NEW.`tenant_id`), 'subscription_id', NEW.`subscription_id`, 'number', NEW.`number`, 'status', NEW.`status`, 'currency', NEW.`currency`, 'total_cents', NEW.`total_cents`, 'issued_at', NEW.`issued_at`, 'due_at', NEW.`due_at`, 'paid_at', NEW.`paid_at`), COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `invoices_audit_delete` AFTER DELETE ON `invoices` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('invoices', 'DELETE', JSON_OBJECT('id', OLD.`id`, 'tenant_id', hex(OLD.`tenant_id`), 'subscription_id', OLD.`subscription_id`, 'number', OLD.`number`, 'status', OLD.`status`, 'currency', OLD.`currency`, 'total_cents', OLD.`total_cents`, 'issued_at', OLD.`issued_at`, 'due_at', OLD.`due_at`, 'paid_at', OLD.`paid_at`), NULL, COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `payments_audit_insert` AFTER INSERT ON `payments` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('payments', 'INSERT', NULL, JSON_OBJECT('id', NEW.`id`, 'invoice_id', NEW.`invoice_id`, 'amount_cents', NEW.`amount_cents`, 'method', NEW.`method`, 'provider_ref', NEW.`provider_ref`, 'received_at', NEW.`received_at`), COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `payments_audit_update` AFTER UPDATE ON `payments` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('payments', 'UPDATE', JSON_OBJECT('id', OLD.`id`, 'invoice_id', OLD.`invoice_id`, 'amount_cents', OLD.`amount_cents`, 'method', OLD.`method`, 'provider_ref', OLD.`provider_ref`, 'received_at', OLD.`received_at`), JSON_OBJECT('id', NEW.`id`, 'invoice_id', NEW.`invoice_id`, 'amount_cents', NEW.`amount_cents`, 'method', NEW.`method`, 'provider_ref', NEW.`provider_ref`, 'received_at', NEW.`received_at`), COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `payments_audit_delete` AFTER DELETE ON `payments` FOR EACH ROW
BEGIN
  INSERT INTO `audit_log` (`table_name`, `operation`, `old_row`, `new_row`, `actor`) VALUES ('payments', 'DELETE', JSON_OBJECT('id', OLD.`id`, 'invoice_id', OLD.`invoice_id`, 'amount_cents', OLD.`amount_cents`, 'method', OLD.`method`, 'provider_ref', OLD.`provider_ref`, 'received_at', OLD.`received_at`), NULL, COALESCE(@app_actor, CURRENT_USER()));
END;

CREATE TRIGGER `tenants_updated_at` BEFORE UPDATE ON `tenants` FOR EACH ROW SET NEW.`updated_at` = (UTC_TIMESTAMP(6));

CREATE PROCEDURE `usage_events_maintain_partitions`(IN at_time DATETIME(6), IN drop_detached BOOLEAN)
BEGIN
  DECLARE period DATE DEFAULT DATE(DATE_FORMAT(at_time, '%Y-%m-01'));
  DECLARE target DATE DEFAULT period + INTERVAL 3 MONTH;
  DECLARE lower_date DATE;
  DECLARE upper_date DATE;
  DECLARE cutoff DATE;
  DECLARE part_name VARCHAR(64);
  SET @partition_maintenance = NULL;
  SELECT MAX(CAST(REPLACE(PARTITION_DESCRIPTION, '''', '') AS DATE)) INTO lower_date FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'usage_events' AND PARTITION_DESCRIPTION <> 'MAXVALUE';
  SET lower_date = COALESCE(lower_date, period);
  -- RANGE partitions ascend: new ones split the MAXVALUE catch-all, which moves their rows.
  WHILE lower_date < target DO
    SET upper_date = lower_date + INTERVAL 1 MONTH;
    SET part_name = CONCAT('usage_events_p', DATE_FORMAT(lower_date, '%Y%m'));
    SET @maintenance_sql = CONCAT('ALTER TABLE `usage_events` REORGANIZE PARTITION `usage_events_default` INTO (PARTITION `', part_name, '` VALUES LESS THAN (''', upper_date, '''), PARTITION `usage_events_default` VALUES LESS THAN (MAXVALUE))');
    PREPARE maintenance FROM @maintenance_sql;
    EXECUTE maintenance;
    DEALLOCATE PREPARE maintenance;
    SET @partition_maintenance = CONCAT_WS('; ', @partition_maintenance, CONCAT('created ', part_name));
    SET lower_date = upper_date;
  END WHILE;
  SET cutoff = period - INTERVAL 24 MONTH;
  expire: LOOP
    SET part_name = NULL;
    SELECT PARTITION_NAME INTO part_name FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'usage_events' AND PARTITION_DESCRIPTION <> 'MAXVALUE' AND CAST(REPLACE(PARTITION_DESCRIPTION, '''', '') AS DATE) <= cutoff ORDER BY PARTITION_ORDINAL_POSITION LIMIT 1;
    IF part_name IS NULL THEN
      LEAVE expire;
    END IF;
    IF drop_detached THEN
      SET @maintenance_sql = CONCAT('ALTER TABLE `usage_events` DROP PARTITION `', part_name, '`');
      PREPARE maintenance FROM @maintenance_sql;
      EXECUTE maintenance;
      DEALLOCATE PREPARE maintenance;
      SET @partition_maintenance = CONCAT_WS('; ', @partition_maintenance, CONCAT('dropped ', part_name));
    ELSE
      SET @maintenance_sql = CONCAT('CREATE TABLE `', part_name, '` LIKE `usage_events`');
      PREPARE maintenance FROM @maintenance_sql;
      EXECUTE maintenance;
      DEALLOCATE PREPARE maintenance;
      SET @maintenance_sql = CONCAT('ALTER TABLE `', part_name, '` REMOVE PARTITIONING');
      PREPARE maintenance FROM @maintenance_sql;
      EXECUTE maintenance;
      DEALLOCATE PREPARE maintenance;
      SET @maintenance_sql = CONCAT('ALTER TABLE `usage_events` EXCHANGE PARTITION `', part_name, '` WITH TABLE `', part_name, '`');
      PREPARE maintenance FROM @maintenance_sql;
      EXECUTE maintenance;
      DEALLOCATE PREPARE maintenance;
      SET @maintenance_sql = CONCAT('ALTER TABLE `usage_events` DROP PARTITION `', part_name, '`');
      PREPARE maintenance FROM @maintenance_sql;
      EXECUTE maintenance;
      DEALLOCATE PREPARE maintenance;
      SET @partition_maintenance = CONCAT_WS('; ', @partition_maintenance, CONCAT('detached ', part_name));
    END IF;
  END LOOP;
END;

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

GRANT INSERT ON TABLE `audit_log` TO 'billing_rw';

GRANT SELECT ON TABLE `open_invoices` TO 'billing_rw';

