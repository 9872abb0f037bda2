CREATE TABLE `coverage_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taken_at` text NOT NULL,
	`day` text NOT NULL,
	`trigger` text NOT NULL,
	`target_ratio` real NOT NULL,
	`population` integer NOT NULL,
	`target_people` integer NOT NULL,
	`people_covered` integer NOT NULL,
	`government_people_covered` integer NOT NULL,
	`bottleneck` text,
	`shelter_capacity` integer NOT NULL,
	`summary` text NOT NULL,
	`taken_by` integer,
	FOREIGN KEY (`taken_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coverage_snapshots_day_idx` ON `coverage_snapshots` (`day`);--> statement-breakpoint
CREATE TABLE `quotas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`measure` text NOT NULL,
	`unit_label` text NOT NULL,
	`quantity` real NOT NULL,
	`per_persons` integer DEFAULT 1 NOT NULL,
	`basis` text DEFAULT 'person' NOT NULL,
	`days` integer,
	`required` integer DEFAULT true NOT NULL,
	`season` text DEFAULT 'all' NOT NULL,
	`estimate` integer DEFAULT true NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`effective_from` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `item_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotas_quantity" CHECK("quotas"."quantity" > 0),
	CONSTRAINT "quotas_per_persons" CHECK("quotas"."per_persons" >= 1),
	CONSTRAINT "quotas_days" CHECK("quotas"."days" IS NULL OR "quotas"."days" >= 1)
);
--> statement-breakpoint
CREATE INDEX `quotas_category_idx` ON `quotas` (`category_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `shelters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area_id` integer NOT NULL,
	`type` text NOT NULL,
	`capacity` integer NOT NULL,
	`area_m2` real,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lon` real,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shelters_capacity" CHECK("shelters"."capacity" >= 0),
	CONSTRAINT "shelters_area" CHECK("shelters"."area_m2" IS NULL OR "shelters"."area_m2" >= 0)
);
--> statement-breakpoint
CREATE INDEX `shelters_area_idx` ON `shelters` (`area_id`);--> statement-breakpoint
-- Quota versions and snapshots are history: a change is a new version, never an edit.
CREATE TRIGGER quotas_no_update BEFORE UPDATE ON quotas
BEGIN
  SELECT RAISE(ABORT, 'quota versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER quotas_no_delete BEFORE DELETE ON quotas
BEGIN
  SELECT RAISE(ABORT, 'quota versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER coverage_snapshots_no_update BEFORE UPDATE ON coverage_snapshots
BEGIN
  SELECT RAISE(ABORT, 'coverage snapshots are immutable');
END;
