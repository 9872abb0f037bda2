ALTER TABLE `areas` ADD `contact_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `areas` ADD `contact_phone` text DEFAULT '' NOT NULL;