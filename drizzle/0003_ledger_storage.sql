-- The balance cache is read and written by its key only: store it clustered on that key.
CREATE TABLE `balances_clustered` (
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
	CONSTRAINT "balances_available_nonnegative" CHECK("on_hand" - "reserved" - "on_hold" >= 0)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `balances_clustered` SELECT * FROM `balances`;
--> statement-breakpoint
DROP TABLE `balances`;
--> statement-breakpoint
ALTER TABLE `balances_clustered` RENAME TO `balances`;
--> statement-breakpoint
-- Posted stock documents and ledger lines are never changed: corrections are reversal documents.
CREATE TRIGGER stock_documents_no_update BEFORE UPDATE ON stock_documents
BEGIN
  SELECT RAISE(ABORT, 'stock documents are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER stock_documents_no_delete BEFORE DELETE ON stock_documents
BEGIN
  SELECT RAISE(ABORT, 'stock documents are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines
BEGIN
  SELECT RAISE(ABORT, 'ledger lines are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines
BEGIN
  SELECT RAISE(ABORT, 'ledger lines are immutable');
END;
--> statement-breakpoint
-- A document is reversed at most once, and a transfer received at most once.
CREATE UNIQUE INDEX stock_documents_one_follower_idx ON stock_documents (related_document_id, type)
  WHERE type IN ('reversal', 'transfer_in');
