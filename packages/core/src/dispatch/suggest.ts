import { type Message, msg, nameList, type ShortfallReasonCode, TRUCK_CLASSES } from "@relief/domain";
import type { DemandOutcome, DispatchPlan } from "@relief/planner";
import { localDateTime } from "../time";
import { effectiveEdges, RoadGraph } from "./network";
import { type BuiltProblem, databaseId } from "./problem";
import type { PlanShortfall } from "./types";

/** The truck a fleet suggestion counts in: the medium class of the reference (8 t, 40 m³). */
const SUGGESTED_TRUCK = TRUCK_CLASSES.medium;

/** Stock each warehouse has left after the plan, per item id. */
function leftover(built: BuiltProblem, plan: DispatchPlan): Map<number, Map<number, number>> {
  const left = new Map<number, Map<number, number>>();
  for (const w of built.warehouses.values()) left.set(w.id, new Map(w.stock));
  for (const route of plan.routes) {
    // A neighbour's promised aid (depot H…) is not a warehouse's stock.
    const stock = route.depot.startsWith("W") ? left.get(databaseId(route.depot)) : undefined;
    for (const stop of route.stops)
      for (const [item, q] of Object.entries(stop.deliver)) {
        const itemId = databaseId(item);
        stock?.set(itemId, (stock.get(itemId) ?? 0) - q);
      }
  }
  return left;
}

/**
 * The planner names reasons per area; a shortfall line needs one per item. One reason is the whole story;
 * with several, the item's own situation decides: no road, nothing left anywhere, stock left only too far
 * away, or stock left within reach that the trucks could not carry.
 */
function itemReason(
  reasons: DemandOutcome["reasons"],
  leftInTime: number,
  leftAnywhere: number,
): ShortfallReasonCode {
  const has = (r: ShortfallReasonCode) => reasons.includes(r);
  if (reasons.length === 1 || has("unreachable"))
    return has("unreachable") ? "unreachable" : (reasons[0] as ShortfallReasonCode);
  if (leftAnywhere <= 0 && has("no_stock")) return "no_stock";
  if (leftInTime <= 0 && has("deadline")) return "deadline";
  if (has("fleet")) return "fleet";
  return (reasons[0] ?? "no_stock") as ShortfallReasonCode;
}

/**
 * What agreement stock of the item would add to a re-plan, following the planning rule (problem.ts,
 * `usableStock`): only stock called off for this incident is planned, and only when the enterprise's delivery
 * trucks carry it (the site is a depot of the plan). So:
 * - stock called off for this incident that sits at a site without delivery trucks: register them;
 * - stock still to call off that, called off now, could reach the seat by the deadline (response time,
 *   loading, today's fastest drive): call it off quoting the incident's number — and register the delivery
 *   trucks too when the line has none and no other line's trucks serve the site.
 * Lines whose goods could not arrive in time even if called off now are left to the mutual-aid suggestion.
 */
function agreementSuggestions(
  built: BuiltProblem,
  itemId: number,
  seat: number,
  item: string,
  unit: string,
): Message[] {
  const depots = new Set(
    built.problem.depots.filter((d) => d.id.startsWith("W")).map((d) => databaseId(d.id)),
  );
  const incident = built.needs.incident.number;
  const out: Message[] = [];
  for (const a of built.agreements) {
    const site = a.warehouseId === null ? undefined : built.warehouses.get(a.warehouseId);
    if (a.itemId !== itemId || !site || site.node === null) continue;
    const carried = depots.has(site.id) || a.trucks > 0;
    const named = { agreement: a.number, enterprise: a.enterpriseName, item, unit };
    const trucks = { line: a.lineNo, warehouse: site.name };
    if (a.calledOff > 0 && !carried)
      out.push(
        msg("dispatch.suggestion.registerDeliveryTrucks", { ...named, ...trucks, quantity: a.calledOff }),
      );
    const arrives = a.responseHours * 60 + site.loadMinutes + built.graph.minutes(site.node, seat);
    if (a.quantity <= 0 || arrives > built.deadlineMinutes) continue;
    const callOff = { ...named, quantity: a.quantity, hours: a.responseHours, incident };
    out.push(
      carried
        ? msg("dispatch.suggestion.callOff", callOff)
        : msg("dispatch.suggestion.callOffWithTrucks", { ...callOff, ...trucks }),
    );
  }
  return out;
}

/**
 * Every unmet need of the plan, per area and item, with its reason and concrete suggestions:
 * - no stock: call off agreement stock of the item the plan could not draw on (see `agreementSuggestions`),
 *   and ask a neighbouring district for mutual aid for the rest;
 * - unreachable: the closed roads on the fastest way there were every road open;
 * - fleet: medium trucks to add at the warehouse with most of the item left within reach, enough for the
 *   unmet kg and m³ in one trip each;
 * - deadline: the earliest possible arrival of the item from anywhere it is held, and stock placed within the
 *   driving time that would still make the deadline.
 */
export function shortfalls(built: BuiltProblem, plan: DispatchPlan): PlanShortfall[] {
  const left = leftover(built, plan);
  const openGraph = new RoadGraph(effectiveEdges(built.network, built.options, true));
  const out: PlanShortfall[] = [];
  for (const outcome of plan.outcomes) {
    const areaId = databaseId(outcome.demand);
    const seat = built.seatOf.get(areaId) as number;
    for (const [item, quantity] of Object.entries(outcome.shortfall)) {
      if (quantity <= 0) continue;
      const itemId = databaseId(item);
      const info = built.items.get(itemId);
      const name = info?.name ?? item;
      const unit = info?.baseUnit ?? "";
      // Arrival at the seat from each warehouse holding some of the item (with or without trucks).
      const arrivals = [...built.warehouses.values()]
        .filter((w) => w.node !== null && (left.get(w.id)?.get(itemId) ?? 0) > 0)
        .map((w) => ({
          w,
          left: left.get(w.id)?.get(itemId) ?? 0,
          at: w.readyMinutes + w.loadMinutes + built.graph.minutes(w.node as number, seat),
        }));
      const inTime = arrivals.filter((a) => a.w.depot && a.at <= built.deadlineMinutes);
      const reason = itemReason(
        outcome.reasons,
        inTime.reduce((s, a) => s + a.left, 0),
        arrivals.reduce((s, a) => s + a.left, 0),
      );
      const suggestions: Message[] = [];
      if (reason === "no_stock") {
        suggestions.push(...agreementSuggestions(built, itemId, seat, name, unit));
        suggestions.push(...mutualAidSuggestions(built, itemId, seat, { item: name, quantity, unit }));
      } else if (reason === "unreachable") {
        suggestions.push(reopen(built, openGraph, seat, areaId));
      } else if (reason === "fleet") {
        const kg = quantity * (info?.kg ?? 0);
        const m3 = quantity * (info?.m3 ?? 0);
        const count = Math.max(
          1,
          Math.ceil(Math.max(kg / SUGGESTED_TRUCK.payloadKg, m3 / SUGGESTED_TRUCK.volumeM3)),
        );
        const best = [...inTime, ...arrivals].sort((a, b) => b.left - a.left || a.at - b.at)[0];
        if (best) suggestions.push(msg("dispatch.suggestion.addTrucks", { count, warehouse: best.w.name }));
      } else {
        const earliest = arrivals.filter((a) => Number.isFinite(a.at)).sort((a, b) => a.at - b.at)[0];
        if (earliest)
          suggestions.push(
            msg("dispatch.suggestion.earliestArrival", {
              item: name,
              warehouse: earliest.w.name,
              arrival: localDateTime(new Date(Date.parse(built.startsAt) + earliest.at * 60_000)),
              late: Math.ceil(earliest.at - built.deadlineMinutes),
            }),
          );
        suggestions.push(
          msg("dispatch.suggestion.nearerStock", {
            item: name,
            quantity,
            unit,
            // Driving time left after the quickest loading among the warehouses with trucks.
            minutes: Math.max(0, Math.floor(built.deadlineMinutes - quickestLoad(built))),
          }),
        );
      }
      out.push({ areaId, itemId, quantity, reason, suggestions });
    }
  }
  return out;
}

/** How many neighbours a shortfall names: the nearest that list the item. */
const NEIGHBOURS_SUGGESTED = 3;

/**
 * Whom to ask for mutual aid: the neighbours whose latest lendable list has the item, nearest first (the drive
 * from their entry node to the seat), at most three; the general advice when none lists it.
 */
function mutualAidSuggestions(
  built: BuiltProblem,
  itemId: number,
  seat: number,
  need: { item: string; quantity: number; unit: string },
): Message[] {
  const offers = built.lendable
    .filter((o) => o.itemId === itemId)
    .map((o) => ({ o, minutes: built.graph.minutes(o.entryNodeId, seat) }))
    .filter((x) => Number.isFinite(x.minutes))
    .sort((a, b) => a.minutes - b.minutes)
    .slice(0, NEIGHBOURS_SUGGESTED);
  if (offers.length === 0) return [msg("dispatch.suggestion.mutualAid", need)];
  return offers.map(({ o, minutes }) =>
    msg("aid.suggestion.ask", {
      neighbour: o.neighbourName,
      date: o.listDate,
      item: need.item,
      lendable: o.quantity,
      unit: need.unit,
      minutes: Math.round(minutes),
    }),
  );
}

function quickestLoad(built: BuiltProblem): number {
  let best = Number.POSITIVE_INFINITY;
  for (const w of built.warehouses.values())
    if (w.depot) best = Math.min(best, w.readyMinutes + w.loadMinutes);
  return Number.isFinite(best) ? best : 0;
}

/** The closed roads on the fastest way from the nearest depot to the seat and back, were every road open. */
function reopen(built: BuiltProblem, openGraph: RoadGraph, seat: number, areaId: number): Message {
  const area = built.areaNames.get(areaId) ?? `#${areaId}`;
  const closed = new Set(
    effectiveEdges(built.network, built.options)
      .filter((e) => e.closed)
      .map((e) => e.id),
  );
  let best: { minutes: number; edges: number[] } | null = null;
  for (const w of built.warehouses.values()) {
    if (!w.depot || w.node === null) continue;
    const out = openGraph.path(w.node, seat);
    const back = openGraph.path(seat, w.node);
    if (!out || !back) continue;
    const minutes = openGraph.minutes(w.node, seat) + openGraph.minutes(seat, w.node);
    if (!best || minutes < best.minutes) best = { minutes, edges: [...out, ...back] };
  }
  const roads = [...new Set(best?.edges.filter((id) => closed.has(id)) ?? [])].map(
    (id) => built.edgeNames.get(id) ?? `#${id}`,
  );
  if (roads.length === 0) return msg("dispatch.suggestion.noRoad", { area });
  return msg("dispatch.suggestion.reopenRoad", { roads: nameList(roads) });
}
