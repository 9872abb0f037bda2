CREATE TABLE `dispatch_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`seed` integer NOT NULL,
	`options` text NOT NULL,
	`problem` text,
	`result` text,
	`people` integer,
	`people_served` integer,
	`latest_arrival_minutes` integer,
	`total_km` integer,
	`vehicles_used` integer,
	`stopped_by_time` integer,
	`failure` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dispatch_plans_version" CHECK("dispatch_plans"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispatch_plans_version_idx` ON `dispatch_plans` (`incident_id`,`version`);--> statement-breakpoint
CREATE INDEX `dispatch_plans_created_idx` ON `dispatch_plans` (`created_at`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plate` text NOT NULL,
	`type` text NOT NULL,
	`payload_kg` integer NOT NULL,
	`volume_m3` real NOT NULL,
	`home_warehouse_id` integer NOT NULL,
	`driver` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'available' NOT NULL,
	`owner` text DEFAULT 'government' NOT NULL,
	`agreement_line_id` integer,
	`note` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`home_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_line_id`) REFERENCES `agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vehicles_payload" CHECK("vehicles"."payload_kg" > 0),
	CONSTRAINT "vehicles_volume" CHECK("vehicles"."volume_m3" > 0),
	CONSTRAINT "vehicles_owner_line" CHECK(("vehicles"."owner" = 'agreement') = ("vehicles"."agreement_line_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_plate_unique` ON `vehicles` (`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_home_idx` ON `vehicles` (`home_warehouse_id`);--> statement-breakpoint
CREATE INDEX `vehicles_agreement_line_idx` ON `vehicles` (`agreement_line_id`);--> statement-breakpoint
CREATE TABLE `incident_need_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` integer,
	`reason` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "incident_need_overrides_quantity" CHECK("incident_need_overrides"."quantity" IS NULL OR "incident_need_overrides"."quantity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `incident_need_overrides_key_idx` ON `incident_need_overrides` (`incident_id`,`area_id`,`item_id`,`id`);--> statement-breakpoint
CREATE TABLE `incident_package_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`quantity` real NOT NULL,
	`per_persons` integer DEFAULT 1 NOT NULL,
	`basis` text DEFAULT 'person' NOT NULL,
	`days` integer,
	`edited` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "incident_package_lines_quantity" CHECK("incident_package_lines"."quantity" > 0),
	CONSTRAINT "incident_package_lines_per" CHECK("incident_package_lines"."per_persons" >= 1),
	CONSTRAINT "incident_package_lines_days" CHECK("incident_package_lines"."days" IS NULL OR "incident_package_lines"."days" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_package_lines_item_idx` ON `incident_package_lines` (`incident_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `incident_report_areas` (
	`report_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`affected` integer NOT NULL,
	`relocated` integer NOT NULL,
	PRIMARY KEY(`report_id`, `area_id`),
	FOREIGN KEY (`report_id`) REFERENCES `incident_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "incident_report_areas_people" CHECK("incident_report_areas"."affected" >= 0 AND "incident_report_areas"."relocated" >= 0),
	CONSTRAINT "incident_report_areas_subset" CHECK("incident_report_areas"."relocated" <= "incident_report_areas"."affected")
);
--> statement-breakpoint
CREATE INDEX `incident_report_areas_area_idx` ON `incident_report_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `incident_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reported_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_reports_incident_idx` ON `incident_reports` (`incident_id`,`reported_at`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`started_at` text NOT NULL,
	`drill` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_number_unique` ON `incidents` (`number`);--> statement-breakpoint
CREATE INDEX `incidents_started_idx` ON `incidents` (`started_at`);--> statement-breakpoint
CREATE TABLE `road_edges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`from_node_id` integer NOT NULL,
	`to_node_id` integer NOT NULL,
	`road_class` text NOT NULL,
	`km` real NOT NULL,
	`km_basis` text NOT NULL,
	`speed_kmh` real,
	`minutes` real,
	`crossing` text,
	`one_way` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`speed_factor` real DEFAULT 1 NOT NULL,
	`status_since` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`from_node_id`) REFERENCES `road_nodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_node_id`) REFERENCES `road_nodes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "road_edges_km" CHECK("road_edges"."km" > 0),
	CONSTRAINT "road_edges_speed" CHECK("road_edges"."speed_kmh" IS NULL OR "road_edges"."speed_kmh" > 0),
	CONSTRAINT "road_edges_minutes" CHECK("road_edges"."minutes" IS NULL OR "road_edges"."minutes" > 0),
	CONSTRAINT "road_edges_factor" CHECK("road_edges"."speed_factor" > 0 AND "road_edges"."speed_factor" <= 1),
	CONSTRAINT "road_edges_ends" CHECK("road_edges"."from_node_id" <> "road_edges"."to_node_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `road_edges_code_unique` ON `road_edges` (`code`);--> statement-breakpoint
CREATE INDEX `road_edges_from_idx` ON `road_edges` (`from_node_id`);--> statement-breakpoint
CREATE INDEX `road_edges_to_idx` ON `road_edges` (`to_node_id`);--> statement-breakpoint
CREATE TABLE `road_nodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`area_id` integer,
	`warehouse_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "road_nodes_lat" CHECK("road_nodes"."lat" BETWEEN -90 AND 90),
	CONSTRAINT "road_nodes_lon" CHECK("road_nodes"."lon" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `road_nodes_code_unique` ON `road_nodes` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `road_nodes_warehouse_idx` ON `road_nodes` (`warehouse_id`);--> statement-breakpoint
CREATE INDEX `road_nodes_area_idx` ON `road_nodes` (`area_id`);--> statement-breakpoint
CREATE TABLE `road_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edge_id` integer NOT NULL,
	`status` text NOT NULL,
	`speed_factor` real DEFAULT 1 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`effective_at` text NOT NULL,
	`expected_reopen_at` text,
	`incident_id` integer,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`edge_id`) REFERENCES `road_edges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "road_status_events_factor" CHECK("road_status_events"."speed_factor" > 0 AND "road_status_events"."speed_factor" <= 1)
);
--> statement-breakpoint
CREATE INDEX `road_status_events_edge_idx` ON `road_status_events` (`edge_id`,`effective_at`);--> statement-breakpoint
CREATE INDEX `road_status_events_incident_idx` ON `road_status_events` (`incident_id`);