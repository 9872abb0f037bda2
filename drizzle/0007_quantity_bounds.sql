-- Quantities are bounded (MAX_BALANCE in packages/db/src/schema/stock.ts): every balance bucket and every ledger
-- delta stays within 10^12 base units, so no sum comes near 2^53. Both tables are rebuilt to carry the CHECKs;
-- the balances keep their clustered (WITHOUT ROWID) storage and the ledger its immutability triggers. The old
-- tables step aside first, so the new ones are created under their own names.
ALTER TABLE `balances` RENAME TO `balances_unbounded`;
--> statement-breakpoint
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
	CONSTRAINT "balances_nonnegative" CHECK("on_hand" >= 0 AND "reserved" >= 0 AND "on_hold" >= 0 AND "in_transit" >= 0),
	CONSTRAINT "balances_available_nonnegative" CHECK("on_hand" - "reserved" - "on_hold" >= 0),
	CONSTRAINT "balances_bounded" CHECK("on_hand" <= 1000000000000 AND "in_transit" <= 1000000000000)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `balances` SELECT `warehouse_id`, `item_id`, `lot_id`, `ownership`, `on_hand`, `reserved`, `on_hold`, `in_transit` FROM `balances_unbounded`;
--> statement-breakpoint
DROP TABLE `balances_unbounded`;
--> statement-breakpoint
ALTER TABLE `ledger_lines` RENAME TO `ledger_lines_unbounded`;
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
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_lines_bounded" CHECK("on_hand_delta" BETWEEN -1000000000000 AND 1000000000000
        AND "reserved_delta" BETWEEN -1000000000000 AND 1000000000000
        AND "on_hold_delta" BETWEEN -1000000000000 AND 1000000000000
        AND "in_transit_delta" BETWEEN -1000000000000 AND 1000000000000)
);
--> statement-breakpoint
INSERT INTO `ledger_lines` SELECT `id`, `document_id`, `warehouse_id`, `item_id`, `lot_id`, `ownership`, `on_hand_delta`, `reserved_delta`, `on_hold_delta`, `in_transit_delta` FROM `ledger_lines_unbounded` ORDER BY `id`;
--> statement-breakpoint
DROP TABLE `ledger_lines_unbounded`;
--> statement-breakpoint
CREATE INDEX `ledger_lines_document_idx` ON `ledger_lines` (`document_id`);
--> statement-breakpoint
CREATE INDEX `ledger_lines_item_idx` ON `ledger_lines` (`item_id`,`warehouse_id`);
--> statement-breakpoint
-- Dropping the old table dropped its triggers: ledger lines stay immutable.
CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines
BEGIN
  SELECT RAISE(ABORT, 'ledger lines are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines
BEGIN
  SELECT RAISE(ABORT, 'ledger lines are immutable');
END;
