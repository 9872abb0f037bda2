CREATE TABLE `login_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
CREATE INDEX `login_limits_expire_idx` ON `login_limits` (`expire`);--> statement-breakpoint
DROP TABLE `login_failures`;