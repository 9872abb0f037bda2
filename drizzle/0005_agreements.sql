CREATE TABLE `agreement_calloffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`line_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`requested_at` text NOT NULL,
	`required_by` text NOT NULL,
	`delivered_quantity` integer,
	`delivered_at` text,
	`confirmed_by` text,
	`cancelled_at` text,
	`dispatch_ref` text,
	`note` text,
	`recorded_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_calloffs_quantity" CHECK("agreement_calloffs"."quantity" > 0),
	CONSTRAINT "agreement_calloffs_delivered" CHECK(coalesce("agreement_calloffs"."delivered_quantity", 0) >= 0),
	CONSTRAINT "agreement_calloffs_required_by" CHECK("agreement_calloffs"."required_by" > "agreement_calloffs"."requested_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_calloffs_number_unique` ON `agreement_calloffs` (`number`);--> statement-breakpoint
CREATE INDEX `agreement_calloffs_line_idx` ON `agreement_calloffs` (`line_id`);--> statement-breakpoint
CREATE TABLE `agreement_declarations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` integer NOT NULL,
	`declared_on` text NOT NULL,
	`quantity` integer NOT NULL,
	`source` text DEFAULT 'entered' NOT NULL,
	`note` text,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_declarations_quantity" CHECK("agreement_declarations"."quantity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `agreement_declarations_line_idx` ON `agreement_declarations` (`line_id`,`declared_on`);--> statement-breakpoint
CREATE TABLE `agreement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer,
	`vehicle_type` text,
	`quantity` integer NOT NULL,
	`response_hours` integer NOT NULL,
	`warehouse_id` integer,
	`unit_price_fen` integer,
	`reserve_fund_fen` integer,
	`rotation_duty` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_lines_quantity" CHECK("agreement_lines"."quantity" > 0),
	CONSTRAINT "agreement_lines_response" CHECK("agreement_lines"."response_hours" > 0),
	CONSTRAINT "agreement_lines_money" CHECK(coalesce("agreement_lines"."unit_price_fen", 0) >= 0 AND coalesce("agreement_lines"."reserve_fund_fen", 0) >= 0),
	CONSTRAINT "agreement_lines_subject" CHECK(("agreement_lines"."item_id" IS NULL) <> ("agreement_lines"."vehicle_type" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_lines_line_idx` ON `agreement_lines` (`agreement_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `agreement_lines_item_idx` ON `agreement_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `agreement_verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`quantity` integer NOT NULL,
	`inspector` text NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_verifications_quantity" CHECK("agreement_verifications"."quantity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `agreement_verifications_line_idx` ON `agreement_verifications` (`line_id`,`inspected_on`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`signed_on` text,
	`terminated_on` text,
	`termination_reason` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreements_dates" CHECK("agreements"."end_date" >= "agreements"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_number_unique` ON `agreements` (`number`);--> statement-breakpoint
CREATE INDEX `agreements_enterprise_idx` ON `agreements` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `credit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_events_enterprise_idx` ON `credit_events` (`enterprise_id`,`occurred_on`);--> statement-breakpoint
ALTER TABLE `warehouses` ADD `enterprise_id` integer REFERENCES enterprises(id);--> statement-breakpoint
-- Declarations, verifications and credit events are records: corrections are new records.
CREATE TRIGGER agreement_declarations_no_update BEFORE UPDATE ON agreement_declarations
BEGIN
  SELECT RAISE(ABORT, 'agreement_declarations are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER agreement_declarations_no_delete BEFORE DELETE ON agreement_declarations
BEGIN
  SELECT RAISE(ABORT, 'agreement_declarations are immutable');
END;
--> statement-breakpoint
-- Declarations, verifications and credit events are records: corrections are new records.
CREATE TRIGGER agreement_verifications_no_update BEFORE UPDATE ON agreement_verifications
BEGIN
  SELECT RAISE(ABORT, 'agreement_verifications are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER agreement_verifications_no_delete BEFORE DELETE ON agreement_verifications
BEGIN
  SELECT RAISE(ABORT, 'agreement_verifications are immutable');
END;
--> statement-breakpoint
-- Declarations, verifications and credit events are records: corrections are new records.
CREATE TRIGGER credit_events_no_update BEFORE UPDATE ON credit_events
BEGIN
  SELECT RAISE(ABORT, 'credit_events are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER credit_events_no_delete BEFORE DELETE ON credit_events
BEGIN
  SELECT RAISE(ABORT, 'credit_events are immutable');
END;
