import { type LotStatus, type Ownership, preparedOnce, type Tx } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { formatQuantity, type ItemWithPacks } from "./lines";

interface BalanceRow {
  lotCode: string;
  status: LotStatus;
  expiryDate: string | null;
  onHand: number;
  reserved: number;
  onHold: number;
}

interface DispatchRow {
  dispatchRef: string;
  reserved: number;
  postedBy: string | null;
}

interface Params {
  warehouseId: number;
  itemId: number;
  lotId: number | null;
  ownership: Ownership | null;
}

/** How many dispatches or lots a shortfall names one by one; the rest are counted together. */
const NAMED = 3;

// Only read when a line is short, so posting pays nothing for them.
function statements(tx: Tx) {
  return preparedOnce(tx, "stock.shortfall", (client) => ({
    balances: client.prepare<Params, BalanceRow>(
      `SELECT l.lot_code AS lotCode, l.status, l.expiry_date AS expiryDate,
              b.on_hand AS onHand, b.reserved, b.on_hold AS onHold
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = @warehouseId AND b.item_id = @itemId AND b.on_hand > 0
         AND (@lotId IS NULL OR b.lot_id = @lotId) AND (@ownership IS NULL OR b.ownership = @ownership)
       ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id`,
    ),
    // Who reserved: the user of the dispatch's latest reservation document in this warehouse.
    dispatches: client.prepare<Params, DispatchRow>(
      `SELECT d.dispatch_ref AS dispatchRef, SUM(ll.reserved_delta) AS reserved,
              (SELECT u.display_name FROM stock_documents r JOIN users u ON u.id = r.posted_by
               WHERE r.dispatch_ref = d.dispatch_ref AND r.type = 'reserve' AND r.warehouse_id = @warehouseId
               ORDER BY r.id DESC LIMIT 1) AS postedBy
       FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id
       WHERE ll.warehouse_id = @warehouseId AND ll.item_id = @itemId AND ll.reserved_delta <> 0
         AND d.dispatch_ref IS NOT NULL
         AND (@lotId IS NULL OR ll.lot_id = @lotId) AND (@ownership IS NULL OR ll.ownership = @ownership)
       GROUP BY d.dispatch_ref HAVING SUM(ll.reserved_delta) > 0
       ORDER BY SUM(ll.reserved_delta) DESC, d.dispatch_ref`,
    ),
  }));
}

export interface ShortfallQuery {
  warehouseId: number;
  itemId: number;
  lotId?: number;
  ownership?: Ownership;
  /** District day: lots expired before it are not usable. */
  today: string;
  /** This dispatch's own reservation was offered to the request: it is not a reason for the shortfall. */
  reservedFor?: string;
  /** Write-offs take held and expired stock too: only reservations stand in their way. */
  anyCondition?: boolean;
}

/** "A、B、C" in the reader's language, as nested messages. */
function series(parts: Message[]): Message {
  return parts.reduceRight((rest, first) => msg("stock.shortfall.series", { first, rest }));
}

/** The first few named, the rest counted: "A、B、C、另有 2 个批次共 40 床". */
function named<T>(
  rows: T[],
  quantityOf: (row: T) => number,
  describe: (row: T) => Message,
  more: (count: number, quantity: number) => Message,
): Message {
  const shown = rows.slice(0, NAMED).map(describe);
  const rest = rows.slice(NAMED);
  if (rest.length > 0)
    shown.push(
      more(
        rest.length,
        rest.reduce((s, r) => s + quantityOf(r), 0),
      ),
    );
  return series(shown);
}

/**
 * Why a warehouse cannot give what was asked of an item: what it has on hand and, of that, what is reserved
 * (for which dispatches, by whom), on hold or in a lot not usable (with its status) and expired. Nothing when
 * none of that stands in the way: then the stock simply is not there, and the shortfall says so already.
 */
export function explainShortfall(tx: Tx, query: ShortfallQuery, item: ItemWithPacks): Message[] {
  const s = statements(tx);
  const params: Params = {
    warehouseId: query.warehouseId,
    itemId: query.itemId,
    lotId: query.lotId ?? null,
    ownership: query.ownership ?? null,
  };
  const q = (n: number) => formatQuantity(item, n);
  const lots = s.balances.all(params);
  const dispatches = s.dispatches.all(params).filter((d) => d.dispatchRef !== query.reservedFor);

  const unusable: Array<{ lotCode: string; quantity: number; state: Message }> = [];
  const expired: Array<{ lotCode: string; quantity: number; expiryDate: string }> = [];
  if (!query.anyCondition) {
    for (const lot of lots) {
      const free = lot.onHand - lot.reserved - lot.onHold;
      if (lot.status !== "available") {
        const quantity = lot.onHand - lot.reserved;
        if (quantity > 0)
          unusable.push({ lotCode: lot.lotCode, quantity, state: msg(`stock.lotStatus.${lot.status}`) });
        continue;
      }
      if (lot.onHold > 0)
        unusable.push({ lotCode: lot.lotCode, quantity: lot.onHold, state: msg("stock.bucket.onHold") });
      if (lot.expiryDate && lot.expiryDate < query.today && free > 0)
        expired.push({ lotCode: lot.lotCode, quantity: free, expiryDate: lot.expiryDate });
    }
  }
  if (dispatches.length === 0 && unusable.length === 0 && expired.length === 0) return [];

  const sum = (rows: Array<{ quantity: number }>) => rows.reduce((n, r) => n + r.quantity, 0);
  const lotMore = (count: number, quantity: number) =>
    msg("stock.shortfall.moreLots", { count, quantity: q(quantity) });
  const why: Message[] = [
    msg("stock.shortfall.onHand", { quantity: q(lots.reduce((n, l) => n + l.onHand, 0)) }),
  ];
  if (dispatches.length > 0) {
    why.push(
      msg("stock.shortfall.reserved", {
        quantity: q(dispatches.reduce((n, d) => n + d.reserved, 0)),
        dispatches: named(
          dispatches,
          (d) => d.reserved,
          (d) =>
            d.postedBy
              ? msg("stock.shortfall.dispatch", {
                  dispatch: d.dispatchRef,
                  quantity: q(d.reserved),
                  by: d.postedBy,
                })
              : msg("stock.shortfall.dispatchBySystem", { dispatch: d.dispatchRef, quantity: q(d.reserved) }),
          (count, quantity) => msg("stock.shortfall.moreDispatches", { count, quantity: q(quantity) }),
        ),
      }),
    );
  }
  if (unusable.length > 0) {
    why.push(
      msg("stock.shortfall.unusable", {
        quantity: q(sum(unusable)),
        lots: named(
          unusable,
          (l) => l.quantity,
          (l) => msg("stock.shortfall.lot", { lot: l.lotCode, quantity: q(l.quantity), state: l.state }),
          lotMore,
        ),
      }),
    );
  }
  if (expired.length > 0) {
    why.push(
      msg("stock.shortfall.expired", {
        quantity: q(sum(expired)),
        lots: named(
          expired,
          (l) => l.quantity,
          (l) =>
            msg("stock.shortfall.lot", {
              lot: l.lotCode,
              quantity: q(l.quantity),
              state: msg("stock.shortfall.expiredOn", { date: l.expiryDate }),
            }),
          lotMore,
        ),
      }),
    );
  }
  return why;
}
