import { type DbOrTx, dispatchPlans, items } from "@relief/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getPlan } from "../dispatch/plan";
import { incidentRow } from "../incidents/status";
import { AidIncidentInput } from "./schemas";

/** What an incident's latest plan leaves unmet, per item and area: the start of a request for aid. */
export interface AidDraft {
  incidentId: number;
  incidentNumber: string;
  /** The plan version read; null when the incident has no finished plan yet. */
  planVersion: number | null;
  lines: Array<{
    itemId: number;
    itemCode: string;
    itemName: string;
    baseUnit: string;
    quantity: number;
    areas: Array<{ areaId: number; quantity: number }>;
  }>;
  /** The area short of most, the default delivery place. */
  deliveryAreaId: number | null;
}

export function aidDraft(db: DbOrTx, input: AidIncidentInput): AidDraft {
  const { incidentId } = AidIncidentInput.parse(input);
  const incident = incidentRow(db, incidentId);
  const latest = db
    .select({ id: dispatchPlans.id, version: dispatchPlans.version })
    .from(dispatchPlans)
    .where(and(eq(dispatchPlans.incidentId, incidentId), eq(dispatchPlans.status, "done")))
    .orderBy(desc(dispatchPlans.version))
    .limit(1)
    .get();
  const empty = { incidentId, incidentNumber: incident.number, deliveryAreaId: null, lines: [] };
  if (!latest) return { ...empty, planVersion: null };
  const shortfalls = getPlan(db, latest.id).shortfalls.filter((s) => s.quantity > 0);
  if (shortfalls.length === 0) return { ...empty, planVersion: latest.version };
  const byItem = new Map<number, Map<number, number>>();
  const byArea = new Map<number, number>();
  for (const s of shortfalls) {
    const areas = byItem.get(s.itemId) ?? new Map<number, number>();
    areas.set(s.areaId, (areas.get(s.areaId) ?? 0) + s.quantity);
    byItem.set(s.itemId, areas);
    byArea.set(s.areaId, (byArea.get(s.areaId) ?? 0) + s.quantity);
  }
  const info = new Map(
    db
      .select({ id: items.id, code: items.code, name: items.name, baseUnit: items.baseUnit })
      .from(items)
      .where(inArray(items.id, [...byItem.keys()]))
      .all()
      .map((i) => [i.id, i]),
  );
  const lines = [...byItem].flatMap(([itemId, areas]) => {
    const item = info.get(itemId);
    if (!item) return [];
    const list = [...areas].map(([areaId, quantity]) => ({ areaId, quantity }));
    return [
      {
        itemId,
        itemCode: item.code,
        itemName: item.name,
        baseUnit: item.baseUnit,
        quantity: list.reduce((sum, a) => sum + a.quantity, 0),
        areas: list,
      },
    ];
  });
  const [deliveryAreaId] = [...byArea].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [null];
  return { incidentId, incidentNumber: incident.number, planVersion: latest.version, lines, deliveryAreaId };
}
