CREATE TABLE `dispatch_order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer,
	`ownership` text NOT NULL,
	`quantity` integer NOT NULL,
	`calloff_id` integer,
	`received_quantity` integer,
	`discrepancy_quantity` integer,
	`discrepancy_outcome` text,
	`discrepancy_reason` text,
	`note` text,
	FOREIGN KEY (`order_id`) REFERENCES `dispatch_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`calloff_id`) REFERENCES `agreement_calloffs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dispatch_order_lines_quantity" CHECK("dispatch_order_lines"."quantity" > 0),
	CONSTRAINT "dispatch_order_lines_received" CHECK("dispatch_order_lines"."received_quantity" IS NULL OR ("dispatch_order_lines"."received_quantity" >= 0 AND "dispatch_order_lines"."received_quantity" <= "dispatch_order_lines"."quantity")),
	CONSTRAINT "dispatch_order_lines_discrepancy" CHECK("dispatch_order_lines"."discrepancy_quantity" IS NULL OR "dispatch_order_lines"."discrepancy_quantity" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispatch_order_lines_no_idx` ON `dispatch_order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `dispatch_order_lines_calloff_idx` ON `dispatch_order_lines` (`calloff_id`);--> statement-breakpoint
CREATE TABLE `dispatch_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`plan_id` integer NOT NULL,
	`incident_id` integer NOT NULL,
	`drill` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`source_warehouse_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`receiver_name` text DEFAULT '' NOT NULL,
	`receiver_phone` text DEFAULT '' NOT NULL,
	`vehicle_id` integer,
	`vehicle_label` text NOT NULL,
	`plate` text DEFAULT '' NOT NULL,
	`driver` text DEFAULT '' NOT NULL,
	`driver_phone` text DEFAULT '' NOT NULL,
	`trip` integer NOT NULL,
	`authority` text NOT NULL,
	`authority_ref` text DEFAULT '' NOT NULL,
	`issuing_unit` text NOT NULL,
	`purpose` text NOT NULL,
	`planned_depart_at` text NOT NULL,
	`planned_arrival_at` text NOT NULL,
	`required_by` text NOT NULL,
	`departed_at` text,
	`departed_by` integer,
	`received_at` text,
	`received_by` integer,
	`signer` text,
	`cancelled_at` text,
	`cancelled_by` integer,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `dispatch_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`departed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dispatch_orders_trip" CHECK("dispatch_orders"."trip" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispatch_orders_number_unique` ON `dispatch_orders` (`number`);--> statement-breakpoint
CREATE INDEX `dispatch_orders_plan_idx` ON `dispatch_orders` (`plan_id`);--> statement-breakpoint
CREATE INDEX `dispatch_orders_incident_idx` ON `dispatch_orders` (`incident_id`,`status`);--> statement-breakpoint
CREATE INDEX `dispatch_orders_warehouse_idx` ON `dispatch_orders` (`source_warehouse_id`,`status`);--> statement-breakpoint
CREATE INDEX `dispatch_orders_vehicle_idx` ON `dispatch_orders` (`vehicle_id`,`status`);--> statement-breakpoint
ALTER TABLE `dispatch_plans` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `dispatch_plans` ADD `approved_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `dispatch_plans` ADD `flagged_at` text;--> statement-breakpoint
ALTER TABLE `dispatch_plans` ADD `cancelled_at` text;