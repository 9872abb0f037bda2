CREATE TABLE `aid_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`arrive_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `aid_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aid_replies_request_idx` ON `aid_replies` (`request_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `aid_reply_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `aid_replies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "aid_reply_lines_quantity" CHECK("aid_reply_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_reply_lines_item_idx` ON `aid_reply_lines` (`reply_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `aid_reply_trucks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`plate` text NOT NULL,
	`type` text NOT NULL,
	`payload_kg` integer NOT NULL,
	`volume_m3` real NOT NULL,
	`driver` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `aid_replies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "aid_reply_trucks_payload" CHECK("aid_reply_trucks"."payload_kg" > 0),
	CONSTRAINT "aid_reply_trucks_volume" CHECK("aid_reply_trucks"."volume_m3" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_reply_trucks_plate_idx` ON `aid_reply_trucks` (`reply_id`,`plate`);--> statement-breakpoint
CREATE TABLE `aid_request_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`returned` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `aid_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "aid_request_lines_quantity" CHECK("aid_request_lines"."quantity" > 0),
	CONSTRAINT "aid_request_lines_moved" CHECK("aid_request_lines"."delivered" >= 0 AND "aid_request_lines"."returned" >= 0 AND "aid_request_lines"."returned" <= "aid_request_lines"."delivered")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_request_lines_no_idx` ON `aid_request_lines` (`request_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `aid_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`direction` text NOT NULL,
	`neighbour_id` integer NOT NULL,
	`incident_id` integer,
	`delivery_area_id` integer,
	`needed_by` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` text NOT NULL,
	`closed_at` text,
	`cancelled_at` text,
	`cancel_reason` text,
	FOREIGN KEY (`neighbour_id`) REFERENCES `neighbours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_requests_number_unique` ON `aid_requests` (`number`);--> statement-breakpoint
CREATE INDEX `aid_requests_neighbour_idx` ON `aid_requests` (`neighbour_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `aid_requests_incident_idx` ON `aid_requests` (`incident_id`);--> statement-breakpoint
CREATE INDEX `aid_requests_status_idx` ON `aid_requests` (`status`,`requested_at`);--> statement-breakpoint
CREATE TABLE `neighbour_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbour_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`post` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`neighbour_id`) REFERENCES `neighbours`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `neighbour_contacts_position_idx` ON `neighbour_contacts` (`neighbour_id`,`position`);--> statement-breakpoint
CREATE TABLE `neighbour_lendable_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `neighbour_lendable_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "neighbour_lendable_lines_quantity" CHECK("neighbour_lendable_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `neighbour_lendable_lines_no_idx` ON `neighbour_lendable_lines` (`list_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `neighbour_lendable_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbour_id` integer NOT NULL,
	`list_date` text NOT NULL,
	`file_name` text NOT NULL,
	`imported_by` integer,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`neighbour_id`) REFERENCES `neighbours`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `neighbour_lendable_lists_neighbour_idx` ON `neighbour_lendable_lists` (`neighbour_id`,`list_date`);--> statement-breakpoint
CREATE TABLE `neighbours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`seat_lat` real NOT NULL,
	`seat_lon` real NOT NULL,
	`entry_node_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`entry_node_id`) REFERENCES `road_nodes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "neighbours_lat" CHECK("neighbours"."seat_lat" BETWEEN -90 AND 90),
	CONSTRAINT "neighbours_lon" CHECK("neighbours"."seat_lon" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `neighbours_code_unique` ON `neighbours` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `neighbours_name_unique` ON `neighbours` (`name`);