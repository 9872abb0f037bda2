CREATE TABLE `layout_advice` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`max_truckloads` integer NOT NULL,
	`budget_yuan` real,
	`result` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`accepted_by` integer,
	`accepted_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "layout_advice_result" CHECK(json_valid("layout_advice"."result"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `layout_advice_fingerprint_unique` ON `layout_advice` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `layout_prices` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`price_yuan` real NOT NULL,
	`estimate` integer DEFAULT true NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "layout_prices_positive" CHECK("layout_prices"."price_yuan" > 0)
);
--> statement-breakpoint
CREATE TABLE `risk_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`hazard` text NOT NULL,
	`relocated` integer,
	`share_of_residents` real,
	`weight` real NOT NULL,
	`closed_road_ids` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`estimate` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`effective_from` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risk_versions_size" CHECK(("risk_versions"."relocated" IS NULL) <> ("risk_versions"."share_of_residents" IS NULL) AND ("risk_versions"."relocated" IS NULL OR "risk_versions"."relocated" >= 0)
          AND ("risk_versions"."share_of_residents" IS NULL OR "risk_versions"."share_of_residents" BETWEEN 0 AND 1)),
	CONSTRAINT "risk_versions_weight" CHECK("risk_versions"."weight" >= 0),
	CONSTRAINT "risk_versions_roads" CHECK(json_valid("risk_versions"."closed_road_ids"))
);
--> statement-breakpoint
CREATE INDEX `risk_versions_area_idx` ON `risk_versions` (`area_id`,`hazard`,`effective_from`);--> statement-breakpoint
CREATE TABLE `transfer_draft_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `transfer_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "transfer_draft_lines_quantity" CHECK("transfer_draft_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `transfer_draft_lines_draft_idx` ON `transfer_draft_lines` (`draft_id`);--> statement-breakpoint
CREATE TABLE `transfer_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`advice_id` integer,
	`from_warehouse_id` integer NOT NULL,
	`to_warehouse_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`document_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`advice_id`) REFERENCES `layout_advice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_drafts_status_idx` ON `transfer_drafts` (`status`,`id`);