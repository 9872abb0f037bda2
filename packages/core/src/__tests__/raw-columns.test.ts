import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AvailableTotal,
  availableByWarehouseItem,
  type BalanceView,
  pageBalances,
} from "../stock/balances";
import { type CardRow, stockCard } from "../stock/card";
import { type DocumentLineView, type DocumentSummary, getDocument, listDocuments } from "../stock/documents";
import { type ExpiryRow, listExpiry } from "../stock/expiry";
import { type LotView, listLots } from "../stock/lots";
import { createSeededDatabase } from "../testing";

/**
 * The ledger's hot paths keep hand-written SQL whose result type is only asserted, so a renamed column or
 * alias would not fail the typecheck. Each statement runs once here and its rows must carry exactly the keys
 * their type declares; `keysOf` makes the expected list fail the typecheck when the type itself changes.
 */
function keysOf<T>(keys: Record<keyof T, true>): string[] {
  return Object.keys(keys).sort();
}

function keysOfRow(rows: object[]): string[] {
  expect(rows.length).toBeGreaterThan(0);
  return Object.keys(rows[0] as object).sort();
}

let database: ReliefDatabase;
beforeAll(async () => {
  database = await createSeededDatabase();
});

describe("raw ledger statements name the columns their types declare", () => {
  it("balances, per balance and per warehouse × item", () => {
    expect(keysOfRow(pageBalances(database.db).rows)).toEqual(
      keysOf<BalanceView>({
        warehouseId: true,
        warehouseCode: true,
        warehouseName: true,
        itemId: true,
        itemCode: true,
        itemName: true,
        categoryId: true,
        baseUnit: true,
        lotId: true,
        lotCode: true,
        lotStatus: true,
        productionDate: true,
        expiryDate: true,
        expired: true,
        ownership: true,
        onHand: true,
        reserved: true,
        onHold: true,
        inTransit: true,
        available: true,
        lotHolders: true,
      }),
    );
    expect(keysOfRow(availableByWarehouseItem(database.db))).toEqual(
      keysOf<AvailableTotal>({ warehouseId: true, itemId: true, onHand: true, available: true }),
    );
  });

  it("documents and their lines, and an item's stock card", () => {
    const documents = listDocuments(database.db).rows;
    expect(keysOfRow(documents)).toEqual(
      keysOf<DocumentSummary>({
        id: true,
        number: true,
        type: true,
        warehouseId: true,
        warehouseName: true,
        counterpartWarehouseId: true,
        counterpartWarehouseName: true,
        receiptKind: true,
        issueReason: true,
        adjustmentReason: true,
        adjustmentReasonCode: true,
        dispatchRef: true,
        reference: true,
        note: true,
        postedAt: true,
        postedBy: true,
        lineCount: true,
        reversedBy: true,
        reversedById: true,
        receivedBy: true,
        receivedById: true,
      }),
    );
    const lines = getDocument(database.db, (documents[0] as DocumentSummary).id).lines;
    expect(keysOfRow(lines)).toEqual(
      keysOf<DocumentLineView>({
        id: true,
        warehouseId: true,
        warehouseName: true,
        itemId: true,
        itemCode: true,
        itemName: true,
        specification: true,
        baseUnit: true,
        lotId: true,
        lotCode: true,
        productionDate: true,
        expiryDate: true,
        ownership: true,
        onHandDelta: true,
        reservedDelta: true,
        onHoldDelta: true,
        inTransitDelta: true,
      }),
    );
    const card = stockCard(database.db, { itemId: (lines[0] as DocumentLineView).itemId });
    expect(keysOfRow(card.rows)).toEqual(
      keysOf<CardRow>({
        lineId: true,
        postedAt: true,
        documentId: true,
        number: true,
        type: true,
        warehouseId: true,
        warehouseName: true,
        lotCode: true,
        productionDate: true,
        expiryDate: true,
        ownership: true,
        onHandDelta: true,
        reservedDelta: true,
        onHoldDelta: true,
        inTransitDelta: true,
        balance: true,
      }),
    );
  });

  it("lots and lots near expiry", () => {
    expect(keysOfRow(listLots(database.db).rows)).toEqual(
      keysOf<LotView>({
        id: true,
        itemId: true,
        itemCode: true,
        itemName: true,
        lotCode: true,
        productionDate: true,
        expiryDate: true,
        expired: true,
        status: true,
        statusNote: true,
        onHand: true,
        holders: true,
      }),
    );
    expect(keysOfRow(listExpiry(database.db).rows)).toEqual(
      keysOf<ExpiryRow>({
        warehouseId: true,
        warehouseCode: true,
        warehouseName: true,
        itemId: true,
        itemCode: true,
        itemName: true,
        baseUnit: true,
        lotId: true,
        lotCode: true,
        productionDate: true,
        expiryDate: true,
        lotStatus: true,
        ownership: true,
        onHand: true,
        reserved: true,
        onHold: true,
        free: true,
        daysLeft: true,
      }),
    );
  });
});
