import { areas, items, layoutPrices, type RiskHazard, riskVersions, roadEdges, type Tx } from "@relief/db";
import { eq } from "drizzle-orm";
import prices from "../../../../fixtures/banan/prices.json" with { type: "json" };
import risks from "../../../../fixtures/banan/risks.json" with { type: "json" };
import { type CoreContext, nowIso } from "../context";
import { districtDayStart, localDate } from "../time";

/**
 * The default risk register (every figure an estimate, its basis stated) and the price list the layout advice
 * buys with (estimates), after the areas, items and roads are seeded.
 */
export function seedBananLayout(tx: Tx, ctx: CoreContext): void {
  const at = nowIso(ctx);
  const area = new Map(
    tx
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(eq(areas.level, "township"))
      .all()
      .map((a) => [a.name, a.id]),
  );
  const road = new Map(
    tx
      .select({ id: roadEdges.id, code: roadEdges.code })
      .from(roadEdges)
      .all()
      .map((r) => [r.code, r.id]),
  );
  const rows = risks.risks.flatMap((r) => {
    const areaId = area.get(r.township);
    if (areaId === undefined) return [];
    return [
      {
        areaId,
        hazard: r.hazard as RiskHazard,
        relocated: "relocated" in r ? (r.relocated as number) : null,
        shareOfResidents: "shareOfResidents" in r ? (r.shareOfResidents as number) : null,
        weight: r.weight,
        closedRoadIds: (("closedRoads" in r ? r.closedRoads : []) as string[]).flatMap((code) => {
          const id = road.get(code);
          return id === undefined ? [] : [id];
        }),
        basis: r.basis,
        estimate: r.estimate,
        // In force from the start of the day of seeding, like the default quotas.
        effectiveFrom: districtDayStart(localDate(at)),
        note: "默认风险登记（估算）",
        recordedAt: at,
      },
    ];
  });
  if (rows.length > 0) tx.insert(riskVersions).values(rows).run();
  const item = new Map(
    tx
      .select({ id: items.id, code: items.code })
      .from(items)
      .all()
      .map((i) => [i.code, i.id]),
  );
  const priced = prices.prices.flatMap((p) => {
    const itemId = item.get(p.item);
    return itemId === undefined
      ? []
      : [{ itemId, priceYuan: p.priceYuan, estimate: true, source: p.source, updatedAt: at }];
  });
  if (priced.length > 0) tx.insert(layoutPrices).values(priced).run();
}
