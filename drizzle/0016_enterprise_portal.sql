-- Enterprise users and their portal. Every change adds columns rather than rebuilding a table: `users` is
-- referenced by every record of who acted, and foreign keys cannot be switched off inside the migration's
-- transaction. A column's CHECK may name other columns of its row, and is tested against the rows already there.
ALTER TABLE `users` ADD `enterprise_id` integer REFERENCES `enterprises`(`id`) CONSTRAINT "users_enterprise" CHECK((`role` = 'enterprise') = (`enterprise_id` IS NOT NULL));
--> statement-breakpoint
ALTER TABLE `agreements` ADD `declaration_months` integer DEFAULT 1 NOT NULL CONSTRAINT "agreements_declaration_months" CHECK(`declaration_months` BETWEEN 1 AND 12);
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `acknowledged_at` text;
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `estimated_departure` text;
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `cannot_deliver_at` text;
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `cannot_deliver_reason` text;
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `can_deliver_quantity` integer CONSTRAINT "agreement_calloffs_answer" CHECK((`cannot_deliver_at` IS NULL) = (`cannot_deliver_reason` IS NULL) AND coalesce(`can_deliver_quantity`, 0) BETWEEN 0 AND `quantity` - 1);
--> statement-breakpoint
ALTER TABLE `agreement_calloffs` ADD `answered_by` integer REFERENCES `users`(`id`);
--> statement-breakpoint
-- Declarations keep their figures for ever, but one the enterprise submits is reviewed once: the blanket
-- immutability trigger gives way to one that lets only that review through.
DROP TRIGGER `agreement_declarations_no_update`;
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `lot_code` text;
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `production_date` text;
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `expiry_date` text CONSTRAINT "agreement_declarations_dates" CHECK(`expiry_date` >= `production_date`);
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `warehouse_id` integer REFERENCES `warehouses`(`id`);
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `reviewed_by` integer REFERENCES `users`(`id`);
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `reviewed_at` text;
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `return_reason` text;
--> statement-breakpoint
-- Declarations the bureau typed itself were accepted as they were recorded.
UPDATE `agreement_declarations` SET `reviewed_by` = `recorded_by`, `reviewed_at` = `recorded_at`;
--> statement-breakpoint
ALTER TABLE `agreement_declarations` ADD `status` text DEFAULT 'accepted' NOT NULL CONSTRAINT "agreement_declarations_review" CHECK(`status` IN ('submitted', 'accepted', 'returned') AND (`status` = 'submitted') = (`reviewed_at` IS NULL) AND (`status` = 'returned') = (`return_reason` IS NOT NULL));
--> statement-breakpoint
CREATE INDEX `agreement_declarations_status_idx` ON `agreement_declarations` (`status`,`recorded_at`);
--> statement-breakpoint
CREATE TRIGGER agreement_declarations_review_only BEFORE UPDATE ON agreement_declarations
WHEN NOT (
  OLD.status = 'submitted' AND NEW.status IN ('accepted', 'returned') AND NEW.reviewed_by IS NOT NULL
  AND NEW.id = OLD.id AND NEW.line_id = OLD.line_id AND NEW.declared_on = OLD.declared_on
  AND NEW.quantity = OLD.quantity AND NEW.source = OLD.source AND NEW.note IS OLD.note
  AND NEW.lot_code IS OLD.lot_code AND NEW.production_date IS OLD.production_date
  AND NEW.expiry_date IS OLD.expiry_date AND NEW.warehouse_id IS OLD.warehouse_id
  AND NEW.recorded_by = OLD.recorded_by AND NEW.recorded_at = OLD.recorded_at
)
BEGIN
  SELECT RAISE(ABORT, 'agreement_declarations are immutable but for one review of a submitted declaration');
END;
