-- Quotas name the months they count in; versions recorded as winter (1 November to 31 March) keep those months.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_quotas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`measure` text NOT NULL,
	`unit_label` text NOT NULL,
	`quantity` real NOT NULL,
	`per_persons` integer DEFAULT 1 NOT NULL,
	`basis` text DEFAULT 'person' NOT NULL,
	`days` integer,
	`required` integer DEFAULT true NOT NULL,
	`season_months` text,
	`estimate` integer DEFAULT true NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`effective_from` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `item_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotas_quantity" CHECK("__new_quotas"."quantity" > 0),
	CONSTRAINT "quotas_per_persons" CHECK("__new_quotas"."per_persons" >= 1),
	CONSTRAINT "quotas_days" CHECK("__new_quotas"."days" IS NULL OR "__new_quotas"."days" >= 1),
	CONSTRAINT "quotas_season_months" CHECK("__new_quotas"."season_months" IS NULL OR json_valid("__new_quotas"."season_months"))
);
--> statement-breakpoint
INSERT INTO `__new_quotas`("id", "category_id", "measure", "unit_label", "quantity", "per_persons", "basis", "days", "required", "season_months", "estimate", "source", "effective_from", "note", "recorded_by", "recorded_at") SELECT "id", "category_id", "measure", "unit_label", "quantity", "per_persons", "basis", "days", "required", CASE "season" WHEN 'winter' THEN '[11,12,1,2,3]' END, "estimate", "source", "effective_from", "note", "recorded_by", "recorded_at" FROM `quotas`;--> statement-breakpoint
DROP TABLE `quotas`;--> statement-breakpoint
ALTER TABLE `__new_quotas` RENAME TO `quotas`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `quotas_category_idx` ON `quotas` (`category_id`,`effective_from`);