import { ISSUE_REASONS, LOT_STATUSES, OWNERSHIPS, RECEIPT_KINDS } from "@relief/db";
import { type Message, m, msg } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { CalendarDate, Quantity, SignedQuantity } from "../schemas";

const id = z.number().int().positive();
const ProductionDate = CalendarDate(DATE_WINDOWS.production, msg("stock.field.productionDate"));
const ExpiryDate = CalendarDate(DATE_WINDOWS.expiry, msg("stock.field.expiryDate"));
const FilterDate = (label: Message) => CalendarDate(DATE_WINDOWS.filter, label);
const text = (max: number) => z.string().trim().max(max, m("common.error.tooLong", { max }));
/** Lines of one stock document, for forms and imports alike (an import splits a larger file into several). */
export const MAX_DOCUMENT_LINES = 2000;
const lines = <T extends z.ZodType>(line: T) =>
  z
    .array(line)
    .min(1, m("common.error.atLeastOneLine"))
    .max(MAX_DOCUMENT_LINES, m("common.error.tooManyLines", { max: MAX_DOCUMENT_LINES }));

export const LotCode = z
  .string()
  .trim()
  .min(1, m("common.error.required", { field: msg("stock.field.lotCode") }))
  .max(60, m("stock.error.lotCodeTooLong"));

export const ReceiveInput = z.object({
  warehouseId: id,
  source: z.object({
    kind: z.enum(RECEIPT_KINDS, { error: m("stock.error.receiptKind") }),
    /** Defaults from the kind: donations are donated stock, agreement call-offs agreement stock, the rest government. */
    ownership: z.enum(OWNERSHIPS, { error: m("stock.error.ownership") }).optional(),
    supplierId: id.optional(),
    reference: text(100).optional(),
  }),
  note: text(500).optional(),
  lines: lines(
    z.object({
      itemId: id,
      lotCode: LotCode,
      productionDate: ProductionDate.optional(),
      expiryDate: ExpiryDate.optional(),
      /** Whole base units, or whole packs with `unit`. */
      quantity: Quantity(),
      /** A pack name (`箱`) or the base unit; quantity is counted in it. */
      unit: text(20).optional(),
      /** Overrides the receipt's ownership for this line. */
      ownership: z.enum(OWNERSHIPS, { error: m("stock.error.ownership") }).optional(),
    }),
  ),
});
export type ReceiveInput = z.infer<typeof ReceiveInput>;

const PickLine = z.object({
  itemId: id,
  /** Without a lot: first-expired-first-out over usable lots. */
  lotId: id.optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  quantity: Quantity(),
  unit: text(20).optional(),
});

/**
 * After the posting, release what the dispatch still holds reserved in the warehouse, in the same transaction:
 * the clerk issued what goes and gives the rest back.
 */
const ReleaseRest = z.boolean().default(false);
const releaseNeedsDispatch = {
  message: m("stock.error.releaseNeedsDispatch"),
  path: ["dispatchRef"],
};

export const IssueInput = z
  .object({
    warehouseId: id,
    reason: z.enum(ISSUE_REASONS, { error: m("stock.error.issueReason") }),
    /** A dispatch issue consumes what was reserved under this reference first. */
    dispatchRef: text(60).optional(),
    releaseRest: ReleaseRest,
    reference: text(100).optional(),
    note: text(500).optional(),
    lines: lines(PickLine),
  })
  .refine((i) => !i.releaseRest || i.dispatchRef, releaseNeedsDispatch)
  .refine((i) => !i.releaseRest || i.reason === "dispatch", {
    message: m("stock.error.releaseNeedsDispatchReason"),
    path: ["reason"],
  });
export type IssueInput = z.input<typeof IssueInput>;

export const TransferInput = z
  .object({
    fromWarehouseId: id,
    toWarehouseId: id,
    /** A transfer for a dispatch sends what was reserved under this reference first. */
    dispatchRef: text(60).optional(),
    releaseRest: ReleaseRest,
    reference: text(100).optional(),
    note: text(500).optional(),
    /** The draft transfer (from an accepted layout advice) this transfer carries out: marked posted with it. */
    draftId: id.optional(),
    lines: lines(PickLine),
  })
  .refine((t) => t.fromWarehouseId !== t.toWarehouseId, {
    message: m("stock.error.sameWarehouse"),
    path: ["toWarehouseId"],
  })
  .refine((t) => !t.releaseRest || t.dispatchRef, releaseNeedsDispatch);
export type TransferInput = z.input<typeof TransferInput>;

export const ReceiveTransferInput = z.object({
  transferId: id,
  note: text(500).optional(),
  /** Received quantities per line of the transfer; lines left out arrived in full. */
  lines: z
    .array(
      z.object({
        itemId: id,
        lotId: id,
        ownership: z.enum(OWNERSHIPS),
        receivedQuantity: Quantity(msg("stock.field.receivedQuantity"), { min: 0 }),
      }),
    )
    .max(MAX_DOCUMENT_LINES)
    .optional(),
});
export type ReceiveTransferInput = z.infer<typeof ReceiveTransferInput>;

export const AdjustInput = z.object({
  warehouseId: id,
  reasonId: id,
  note: text(500).optional(),
  lines: lines(
    z.object({
      itemId: id,
      /** An existing lot; or, to book found stock of a new lot, a lot code with its dates. */
      lotId: id.optional(),
      lotCode: LotCode.optional(),
      productionDate: ProductionDate.optional(),
      expiryDate: ExpiryDate.optional(),
      ownership: z.enum(OWNERSHIPS).default("government"),
      /** Signed change in base units (or packs, with `unit`): + found, − lost. */
      quantity: SignedQuantity(msg("stock.field.adjustmentQuantity")),
      unit: text(20).optional(),
    }),
  ),
});
export type AdjustInput = z.infer<typeof AdjustInput>;

export const ReverseInput = z.object({
  documentId: id,
  note: text(500).min(1, m("common.error.required", { field: msg("stock.field.reversalNote") })),
});
export type ReverseInput = z.infer<typeof ReverseInput>;

export const ReserveInput = z.object({
  warehouseId: id,
  dispatchRef: text(60).min(1, m("common.error.required", { field: msg("stock.field.dispatchRef") })),
  note: text(500).optional(),
  lines: lines(PickLine),
});
export type ReserveInput = z.infer<typeof ReserveInput>;

export const ReleaseInput = z.object({
  dispatchRef: text(60).min(1, m("common.error.required", { field: msg("stock.field.dispatchRef") })),
  /** Only this warehouse's reservations; all warehouses when left out. */
  warehouseId: id.optional(),
  note: text(500).optional(),
});
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const HoldInput = z.object({
  warehouseId: id,
  note: text(500).min(1, m("common.error.required", { field: msg("stock.field.holdNote") })),
  lines: lines(
    z.object({
      itemId: id,
      lotId: id,
      ownership: z.enum(OWNERSHIPS),
      quantity: Quantity(),
      unit: text(20).optional(),
    }),
  ),
});
export type HoldInput = z.infer<typeof HoldInput>;

export const SetLotStatusInput = z.object({
  lotId: id,
  status: z.enum(LOT_STATUSES, { error: m("stock.error.lotStatus") }),
  note: text(500).optional(),
});
export type SetLotStatusInput = z.infer<typeof SetLotStatusInput>;

const BalanceFilterFields = {
  warehouseId: id.optional(),
  itemId: id.optional(),
  categoryId: id.optional(),
  lotId: id.optional(),
  /** Lots whose code contains this text (as typed, `%` and `_` literal). */
  lotSearch: text(60).optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  /** Keep keys whose every bucket is zero (history only). */
  includeEmpty: z.boolean().default(false),
};

/** The stock list's filters: the export takes them as they are, the page adds paging and a sort. */
export const BalancesInput = z.object(BalanceFilterFields).prefault({});
export type BalancesInput = z.input<typeof BalancesInput>;

export const BALANCE_SORTS = [
  "warehouse",
  "item",
  "lot",
  "ownership",
  "expiry",
  "onHand",
  "reserved",
  "onHold",
  "inTransit",
  "available",
] as const;
export type BalanceSort = (typeof BALANCE_SORTS)[number];

export const BalancesPageInput = z
  .object({ ...BalanceFilterFields, ...PageFields, ...SortFields(BALANCE_SORTS, "warehouse") })
  .prefault({});
export type BalancesPageInput = z.input<typeof BalancesPageInput>;

/** One figure of the stock list to explain: a balance row (with its lot and ownership) or an item's total. */
export const ExplainInput = z.object({
  itemId: id,
  warehouseId: id.optional(),
  lotId: id.optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
});
export type ExplainInput = z.infer<typeof ExplainInput>;

export const ITEM_TOTAL_SORTS = [
  "item",
  "warehouses",
  "lots",
  "onHand",
  "reserved",
  "onHold",
  "inTransit",
  "available",
  "nearestExpiry",
] as const;
export type ItemTotalSort = (typeof ITEM_TOTAL_SORTS)[number];

/** The stock list summed per item ("by item"), over the same filters. */
export const ItemTotalsInput = z
  .object({ ...BalanceFilterFields, ...PageFields, ...SortFields(ITEM_TOTAL_SORTS, "item") })
  .prefault({});
export type ItemTotalsInput = z.input<typeof ItemTotalsInput>;

const CardFilterFields = {
  itemId: id,
  warehouseId: id.optional(),
  lotId: id.optional(),
  from: FilterDate(msg("stock.field.fromDate")).optional(),
  to: FilterDate(msg("stock.field.toDate")).optional(),
};

/** The stock card's selection: the export takes it as it is, the page adds paging and a direction. */
export const CardInput = z.object(CardFilterFields);
export type CardInput = z.infer<typeof CardInput>;

/** Posting order is the card's one order; `order: "desc"` shows the newest movements first. */
export const CardPageInput = z.object({
  ...CardFilterFields,
  ...PageFields,
  ...SortFields(["postedAt"], "postedAt"),
});
export type CardPageInput = z.input<typeof CardPageInput>;

export const DocumentsInput = z
  .object({
    warehouseId: id.optional(),
    type: z.string().optional(),
    dispatchRef: text(60).optional(),
    search: text(60).optional(),
    /** District dates, both inclusive. */
    from: FilterDate(msg("stock.field.fromDate")).optional(),
    to: FilterDate(msg("stock.field.toDate")).optional(),
    /** Transfers sent and neither received nor reversed. */
    awaitingReceipt: z.boolean().optional(),
    ...PageFields,
  })
  .default({ page: 1, pageSize: 50 });
export type DocumentsInput = z.input<typeof DocumentsInput>;

export const DocumentInput = z.object({ id });

export const OpenCountInput = z.object({ warehouseId: id, note: text(500).optional() });
export type OpenCountInput = z.infer<typeof OpenCountInput>;

export const RecordCountInput = z.object({
  countId: id,
  lines: z
    .array(
      z.object({
        lineId: id,
        /** Counted quantity in base units (the loose ones when `packs` is given); null clears an entry. */
        counted: Quantity(msg("stock.field.countedQuantity"), { min: 0 }).nullable(),
        /** Whole packs counted (12 箱), added to `counted` once converted: the server does the arithmetic. */
        packs: z
          .object({ unit: text(20), count: Quantity(msg("stock.count.field.packs"), { min: 0 }) })
          .optional(),
        reasonId: id.nullable().optional(),
      }),
    )
    .max(5000),
  /** Stock found that the count did not expect (expected 0). */
  found: z
    .array(
      z.object({
        itemId: id,
        lotId: id,
        ownership: z.enum(OWNERSHIPS).default("government"),
        counted: Quantity(msg("stock.field.countedQuantity")),
      }),
    )
    .max(500)
    .default([]),
});
export type RecordCountInput = z.input<typeof RecordCountInput>;

export const CloseCountInput = z.object({ countId: id, note: text(500).optional() });
export type CloseCountInput = z.infer<typeof CloseCountInput>;

/** The printed count sheet; blind (the default) leaves the expected quantity off the paper. */
export const CountSheetInput = z.object({ countId: id, blind: z.boolean().default(true) });
export type CountSheetInput = z.input<typeof CountSheetInput>;

const ExpiryFilterFields = {
  warehouseId: id.optional(),
  /** Lots expiring within this many days count as expiring soon. */
  withinDays: z.number().int().min(1).max(3650).default(90),
};

export const EXPIRY_SORTS = ["expiry", "warehouse", "item", "onHand"] as const;
export type ExpirySort = (typeof EXPIRY_SORTS)[number];

const ExpiryListFields = {
  ...ExpiryFilterFields,
  list: z.enum(["expired", "expiring"], { error: m("stock.error.expiryList") }).default("expiring"),
  ...SortFields(EXPIRY_SORTS, "expiry"),
};

/** Expired lots, or lots expiring within `withinDays`, with stock on hand: one list a page at a time. */
export const ExpiryInput = z.object({ ...ExpiryListFields, ...PageFields }).prefault({});
export type ExpiryInput = z.input<typeof ExpiryInput>;

/** The export of one expiry list: the page's filters and order, every row. */
export const ExpiryExportInput = z.object(ExpiryListFields).prefault({});
export type ExpiryExportInput = z.input<typeof ExpiryExportInput>;

const RotationFields = {
  ...ExpiryFilterFields,
  /** Days before expiry by which stock should have been rotated out. */
  rotationLeadDays: z.number().int().min(0).max(365).default(30),
  ...SortFields(EXPIRY_SORTS, "expiry"),
};

export const RotationInput = z.object({ ...RotationFields, ...PageFields }).prefault({});
export type RotationInput = z.input<typeof RotationInput>;

/** The export of the rotation list: the page's filters and order, every row. */
export const RotationExportInput = z.object(RotationFields).prefault({});
export type RotationExportInput = z.input<typeof RotationExportInput>;

export const LOT_SORTS = ["item", "lot", "production", "expiry", "status"] as const;
export type LotSort = (typeof LOT_SORTS)[number];

export const LotsInput = z
  .object({
    itemId: id.optional(),
    /** One lot, for a picker to name the lot already chosen. */
    lotId: id.optional(),
    categoryId: id.optional(),
    search: text(60).optional(),
    ...PageFields,
    ...SortFields(LOT_SORTS, "item"),
  })
  .prefault({});
export type LotsInput = z.input<typeof LotsInput>;

export const ReservationsInput = z
  .object({
    dispatchRef: text(60).optional(),
    /** What dispatches hold in one warehouse: what an issue or transfer from a reservation may start from. */
    warehouseId: id.optional(),
  })
  .default({});
export type ReservationsInput = z.input<typeof ReservationsInput>;
