CREATE INDEX `balances_item_idx` ON `balances` (`item_id`);--> statement-breakpoint
CREATE INDEX `balances_lot_idx` ON `balances` (`lot_id`);