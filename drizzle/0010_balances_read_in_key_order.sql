DROP INDEX `balances_item_idx`;--> statement-breakpoint
DROP INDEX `balances_lot_idx`;