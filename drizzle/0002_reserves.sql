CREATE TABLE `item_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_categories_code_unique` ON `item_categories` (`code`);--> statement-breakpoint
CREATE TABLE `item_packs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`name` text NOT NULL,
	`base_quantity` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "item_packs_positive" CHECK("item_packs"."base_quantity" > 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_packs_item_name_idx` ON `item_packs` (`item_id`,`name`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category_id` integer NOT NULL,
	`specification` text DEFAULT '' NOT NULL,
	`base_unit` text NOT NULL,
	`kg_per_unit` real NOT NULL,
	`m3_per_unit` real NOT NULL,
	`shelf_life_months` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `item_categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "items_kg_nonnegative" CHECK("items"."kg_per_unit" >= 0),
	CONSTRAINT "items_m3_nonnegative" CHECK("items"."m3_per_unit" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_code_unique` ON `items` (`code`);--> statement-breakpoint
CREATE INDEX `items_category_idx` ON `items` (`category_id`);--> statement-breakpoint
CREATE TABLE `adjustment_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`direction` text NOT NULL,
	`note_required` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adjustment_reasons_code_unique` ON `adjustment_reasons` (`code`);--> statement-breakpoint
CREATE TABLE `balances` (
	`warehouse_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`ownership` text NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	`on_hold` integer DEFAULT 0 NOT NULL,
	`in_transit` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`warehouse_id`, `item_id`, `lot_id`, `ownership`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "balances_nonnegative" CHECK("balances"."on_hand" >= 0 AND "balances"."reserved" >= 0 AND "balances"."on_hold" >= 0 AND "balances"."in_transit" >= 0),
	CONSTRAINT "balances_available_nonnegative" CHECK("balances"."on_hand" - "balances"."reserved" - "balances"."on_hold" >= 0)
);
--> statement-breakpoint
CREATE TABLE `document_sequences` (
	`prefix` text NOT NULL,
	`month` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`prefix`, `month`, `warehouse_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`ownership` text NOT NULL,
	`on_hand_delta` integer DEFAULT 0 NOT NULL,
	`reserved_delta` integer DEFAULT 0 NOT NULL,
	`on_hold_delta` integer DEFAULT 0 NOT NULL,
	`in_transit_delta` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_lines_document_idx` ON `ledger_lines` (`document_id`);--> statement-breakpoint
CREATE INDEX `ledger_lines_item_idx` ON `ledger_lines` (`item_id`,`warehouse_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`lot_code` text NOT NULL,
	`production_date` text,
	`expiry_date` text,
	`status` text DEFAULT 'available' NOT NULL,
	`status_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_item_code_idx` ON `lots` (`item_id`,`lot_code`);--> statement-breakpoint
CREATE INDEX `lots_expiry_idx` ON `lots` (`expiry_date`);--> statement-breakpoint
CREATE TABLE `stock_count_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`count_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`ownership` text NOT NULL,
	`expected` integer NOT NULL,
	`counted` integer,
	`reason_id` integer,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `adjustment_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_count_lines_key_idx` ON `stock_count_lines` (`count_id`,`item_id`,`lot_id`,`ownership`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` text NOT NULL,
	`opened_by` integer,
	`closed_at` text,
	`closed_by` integer,
	`adjustment_document_id` integer,
	`note` text,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adjustment_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_counts_number_unique` ON `stock_counts` (`number`);--> statement-breakpoint
CREATE INDEX `stock_counts_warehouse_idx` ON `stock_counts` (`warehouse_id`,`status`);--> statement-breakpoint
CREATE TABLE `stock_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`counterpart_warehouse_id` integer,
	`receipt_kind` text,
	`issue_reason` text,
	`adjustment_reason_id` integer,
	`related_document_id` integer,
	`dispatch_ref` text,
	`reference` text,
	`note` text,
	`posted_at` text NOT NULL,
	`posted_by` integer,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterpart_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adjustment_reason_id`) REFERENCES `adjustment_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_documents_number_unique` ON `stock_documents` (`number`);--> statement-breakpoint
CREATE INDEX `stock_documents_warehouse_idx` ON `stock_documents` (`warehouse_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `stock_documents_type_idx` ON `stock_documents` (`type`);--> statement-breakpoint
CREATE INDEX `stock_documents_dispatch_idx` ON `stock_documents` (`dispatch_ref`);--> statement-breakpoint
CREATE INDEX `stock_documents_related_idx` ON `stock_documents` (`related_document_id`);--> statement-breakpoint
CREATE TABLE `user_warehouses` (
	`user_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `warehouse_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_warehouses_warehouse_idx` ON `user_warehouses` (`warehouse_id`);--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`organisation` text NOT NULL,
	`area_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lon` real,
	`capacity_m3` real,
	`capacity_m2` real,
	`manager` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`load_minutes` integer DEFAULT 120 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "warehouses_load_minutes" CHECK("warehouses"."load_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_code_unique` ON `warehouses` (`code`);--> statement-breakpoint
CREATE INDEX `warehouses_area_idx` ON `warehouses` (`area_id`);