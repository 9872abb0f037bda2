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
