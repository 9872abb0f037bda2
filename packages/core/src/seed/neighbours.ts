import {
  items,
  neighbourContacts,
  neighbourLendableLines,
  neighbourLendableLists,
  neighbours,
  roadNodes,
  type Tx,
} from "@relief/db";
import fixture from "../../../../fixtures/banan/neighbours.json" with { type: "json" };
import { type CoreContext, nowIso } from "../context";

/**
 * Banan's neighbouring districts for mutual aid, each at the boundary node where its trucks enter, with a
 * duty contact, and for some the list of what they said they can lend (a dated list, as if imported). Runs
 * after the road network and the catalog are seeded.
 */
export function seedBananNeighbours(tx: Tx, ctx: CoreContext): { neighbours: number } {
  const at = nowIso(ctx);
  const nodes = new Map(
    tx
      .select({ id: roadNodes.id, code: roadNodes.code })
      .from(roadNodes)
      .all()
      .map((n) => [n.code, n.id]),
  );
  const itemIds = new Map(
    tx
      .select({ id: items.id, code: items.code })
      .from(items)
      .all()
      .map((i) => [i.code, i.id]),
  );
  for (const n of fixture.neighbours) {
    const row = tx
      .insert(neighbours)
      .values({
        code: n.code,
        name: n.name,
        seatLat: n.lat,
        seatLon: n.lon,
        entryNodeId: nodes.get(n.entry) ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: neighbours.id })
      .get();
    tx.insert(neighbourContacts)
      .values(n.contacts.map((c, i) => ({ ...c, neighbourId: row.id, position: i + 1 })))
      .run();
    if (!("lendable" in n) || !n.lendable) continue;
    const list = tx
      .insert(neighbourLendableLists)
      .values({ neighbourId: row.id, listDate: n.lendable.date, fileName: "演示数据", importedAt: at })
      .returning({ id: neighbourLendableLists.id })
      .get();
    const lines = n.lendable.lines.flatMap((l, i) => {
      const itemId = itemIds.get(l.item);
      return itemId === undefined
        ? []
        : [{ listId: list.id, lineNo: i + 1, itemId, quantity: l.quantity, note: l.note }];
    });
    if (lines.length > 0) tx.insert(neighbourLendableLines).values(lines).run();
  }
  return { neighbours: fixture.neighbours.length };
}
