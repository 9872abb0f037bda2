import { createSeededDatabase } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { type ExecutedStatement, fullScans, queryPlan, recordStatements } from "@relief/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { callerAs } from "../testing";
import { describeFourYears } from "./four-years";

/**
 * Every read procedure, called as the administrator (the widest scope) with typical inputs, and every
 * statement it runs explained on a database whose statistics describe a district after four years: none may
 * read `ledger_lines` or `balances` from end to end where an index could lead, unless the scan is inherent
 * to what the procedure answers (the allow-list below, each with its reason).
 *
 * The procedures come from the router, so a new read is checked without being listed here. Its input is
 * built from its zod schema: required ids from the demo rows by field name, then one variant per optional
 * filter, enum value (sort column, direction, status …) and flag, each set alone.
 */
const LARGE_TABLES = ["ledger_lines", "balances"] as const;
type LargeTable = (typeof LARGE_TABLES)[number];

interface Inherent {
  tables: LargeTable[];
  /** Only for these inputs; without it, for every input. */
  when?: (input: Record<string, unknown>) => boolean;
  reason: string;
}

/** No filter that narrows the balances to a warehouse, an item, a category or a lot. */
const unfiltered = (input: Record<string, unknown>) =>
  !input.warehouseId && !input.itemId && !input.lotId && !input.categoryId;

const INHERENT: Record<string, Inherent> = {
  "stock.balances": {
    tables: ["balances"],
    when: unfiltered,
    reason: "the district-wide stock page counts, totals and sorts every non-empty balance to show one page",
  },
  "stock.itemTotals": {
    tables: ["balances"],
    when: unfiltered,
    reason: "district-wide totals per item sum every balance (a filter narrows them by the key)",
  },
  "stock.verify": {
    tables: ["ledger_lines", "balances"],
    reason: "rebuilds every balance from the whole ledger and compares it with the whole cache",
  },
  "stock.exportBalances": {
    tables: ["balances"],
    when: unfiltered,
    reason: "the workbook of every balance in the district is the whole table by definition",
  },
  "coverage.summary": {
    tables: ["balances"],
    reason: "the district's usable stock is a sum over every balance (clustered, read in key order once)",
  },
  "coverage.byTownship": {
    tables: ["balances"],
    reason: "as coverage.summary, per township: a sum over every balance",
  },
  "coverage.exportReport": {
    tables: ["balances"],
    reason: "the report is coverage.summary and coverage.byTownship in a workbook",
  },
  "dispatch.reach": {
    tables: ["balances"],
    reason:
      "coverage within reach sums the usable stock of every warehouse and item, as coverage.summary does",
  },
  "layout.evaluate": {
    tables: ["balances"],
    reason: "a layout is the usable stock of every warehouse and item, summed once as dispatch planning does",
  },
  "layout.advice": {
    tables: ["balances"],
    reason: "reopening an advice rebuilds the layout to check that its inputs have not changed",
  },
  "layout.purchaseSheet": {
    tables: ["balances"],
    reason: "the purchase list is written from the advice after the same check of its inputs",
  },
  "aid.outbound": {
    tables: ["balances"],
    reason:
      "answering a neighbour sums the usable stock of every warehouse and item, as dispatch planning does",
  },
};

type Ids = Awaited<ReturnType<typeof demoRows>>;

/** Values for fields by name, wherever they appear: the busiest demo stock and rows that exist. */
function valueFor(field: string, def: ZodDef, ids: Ids, path: string): unknown {
  // Date filters are calendar days or instants, as the schema says.
  const day = (date: string) => (def.format === "datetime" ? `${date}T00:00:00.000Z` : date);
  switch (field) {
    case "warehouseId":
      return ids.warehouseId;
    case "itemId":
      return ids.itemId;
    case "lotId":
      return ids.lotId;
    case "categoryId":
      return ids.categoryId;
    case "enterpriseId":
      return ids.enterpriseId;
    case "agreementId":
      return ids.agreementId;
    case "lineId":
      return ids.agreementLineId;
    case "userId":
      return ids.userId;
    case "snapshotId":
      return ids.snapshotId;
    case "incidentId":
      return ids.incidentId;
    case "neighbourId":
      return ids.neighbourId;
    case "requestId":
      return ids.requestId;
    case "adviceId":
      return ids.adviceId;
    case "draftId":
      return ids.draftId;
    case "runId":
      return "query-plans";
    case "id":
      return ID_OF[path]?.(ids);
    case "from":
      return day("2020-01-01");
    case "to":
      return day("2099-12-31");
    case "search":
      return "1";
    case "dispatchRef":
      return ids.dispatchRef;
    case "planId":
    case "a":
      return ids.planId;
    case "b":
      return ids.otherPlanId;
    case "orderId":
      return ids.orderId;
    case "countId":
      return ids.countId;
    case "type":
      return "receipt";
    case "action":
      return "stock.receive";
    case "targetType":
      return "stock_document";
    case "at":
      return day("2026-01-01");
    default:
      return undefined;
  }
}

/** What `id` means to each procedure that takes one. */
const ID_OF: Record<string, (ids: Ids) => number> = {
  "stock.document": (ids) => ids.documentId,
  "stock.count": (ids) => ids.countId,
  "enterprises.get": (ids) => ids.enterpriseId,
  "agreements.get": (ids) => ids.agreementId,
  "agreements.calloffs": (ids) => ids.calloffId,
  "coverage.snapshot": (ids) => ids.snapshotId,
  "incidents.get": (ids) => ids.incidentId,
  "neighbours.get": (ids) => ids.neighbourId,
  "neighbours.lendableTemplate": (ids) => ids.neighbourId,
};

async function demoRows(database: ReliefDatabase) {
  const one = <T>(sql: string) => database.sqlite.prepare(sql).get() as T;
  const busiest = one<{ warehouseId: number; itemId: number; lotId: number; categoryId: number }>(`
    SELECT b.warehouse_id AS warehouseId, b.item_id AS itemId, b.lot_id AS lotId, i.category_id AS categoryId
    FROM balances b JOIN items i ON i.id = b.item_id ORDER BY b.on_hand DESC LIMIT 1`);
  const admin = callerAs(database, "admin");
  const count = await admin.stock.openCount({ warehouseId: busiest.warehouseId });
  const snapshot = await admin.coverage.takeSnapshot();
  const township = one<{ id: number }>("SELECT id FROM areas WHERE level = 'township' ORDER BY id LIMIT 1");
  const incident = await admin.incidents.create({
    type: "flood",
    title: "查询计划",
    startedAt: new Date().toISOString(),
    areas: [{ areaId: township.id, affected: 100, relocated: 50 }],
  });
  const plan = await admin.dispatch.plan({ incidentId: incident.id, seed: 1 });
  const otherPlan = await admin.dispatch.plan({ incidentId: incident.id, seed: 2 });
  const approved = await admin.dispatch.approve({ planId: otherPlan.planId });
  const neighbourId = one<{ id: number }>("SELECT id FROM neighbours ORDER BY id LIMIT 1").id;
  // A request in: every aid read takes it, aid.outbound only it.
  const aid = await admin.aid.request({
    direction: "in",
    neighbourId,
    neededBy: new Date(Date.now() + 86_400_000).toISOString(),
    lines: [{ itemId: busiest.itemId, quantity: 10 }],
  });
  // An advice on the demo layout, for the reads that reopen one.
  const advice = await admin.layout.advise({ maxTruckloads: 2 });
  // Its transfers as drafts, for the transfer form's read of one.
  const [draft] = await admin.layout.accept({ adviceId: advice.adviceId });
  const line = one<{ agreementId: number; lineId: number; enterpriseId: number }>(`
    SELECT a.id AS agreementId, l.id AS lineId, a.enterprise_id AS enterpriseId
    FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id ORDER BY a.id LIMIT 1`);
  return {
    ...busiest,
    documentId: one<{ id: number }>("SELECT id FROM stock_documents ORDER BY id LIMIT 1").id,
    dispatchRef: "D-1",
    countId: count.id,
    snapshotId: snapshot.id,
    incidentId: incident.id,
    neighbourId,
    requestId: aid.id,
    adviceId: advice.adviceId,
    draftId: draft?.id ?? 0,
    planId: plan.planId,
    otherPlanId: otherPlan.planId,
    orderId: approved.orders[0]?.id ?? 0,
    agreementId: line.agreementId,
    agreementLineId: line.lineId,
    enterpriseId: line.enterpriseId,
    calloffId: one<{ id: number }>("SELECT id FROM agreement_calloffs ORDER BY id LIMIT 1").id,
    userId: one<{ id: number }>("SELECT id FROM users WHERE username = 'admin'").id,
  };
}

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
  left?: { _zod: { def: ZodDef } };
  right?: { _zod: { def: ZodDef } };
  entries?: Record<string, string>;
  format?: string;
}

/** The fields of an input schema (through defaults, optionals, pipes and intersections), required or not. */
function fieldsOf(def: ZodDef | undefined): Array<{ name: string; def: ZodDef; optional: boolean }> {
  if (!def) return [];
  switch (def.type) {
    case "object":
      return Object.entries(def.shape ?? {}).map(([name, field]) => {
        const optional = ["optional", "default", "prefault"].includes(field._zod.def.type);
        let inner = field._zod.def;
        while (inner.innerType) inner = inner.innerType._zod.def;
        return { name, def: inner, optional };
      });
    case "optional":
    case "default":
    case "prefault":
      return fieldsOf(def.innerType?._zod.def);
    case "pipe":
      return fieldsOf(def.in?._zod.def);
    case "intersection":
      return [...fieldsOf(def.left?._zod.def), ...fieldsOf(def.right?._zod.def)];
    default:
      return [];
  }
}

/** The inputs to try: the required fields filled in, then each optional field set alone to each value. */
function inputsFor(path: string, schema: unknown, ids: Ids): Array<Record<string, unknown> | undefined> {
  if (!schema) return [undefined];
  const fields = fieldsOf((schema as { _zod: { def: ZodDef } })._zod.def);
  const base: Record<string, unknown> = {};
  for (const field of fields.filter((f) => !f.optional)) {
    const value = valueFor(field.name, field.def, ids, path);
    if (value === undefined) throw new Error(`${path}: no demo value for the required field ${field.name}`);
    base[field.name] = value;
  }
  const variants: Array<Record<string, unknown>> = [base];
  for (const field of fields.filter((f) => f.optional && !["page", "pageSize"].includes(f.name))) {
    const values =
      field.def.type === "enum"
        ? Object.values(field.def.entries ?? {})
        : field.def.type === "boolean"
          ? [true]
          : [valueFor(field.name, field.def, ids, path)];
    for (const value of values.filter((v) => v !== undefined))
      variants.push({ ...base, [field.name]: value });
  }
  return variants;
}

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: unknown[];
}

const reads = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures,
)
  .filter(([, procedure]) => procedure._def.type === "query")
  .map(([path, procedure]) => ({ path, schema: procedure._def.inputs[0] }));

describe("query plans of every read at four years' size", () => {
  let database: ReliefDatabase;
  let ids: Ids;
  let executed: ExecutedStatement[];
  beforeAll(async () => {
    database = await createSeededDatabase();
    ids = await demoRows(database);
    describeFourYears(database.sqlite);
    executed = recordStatements(database.sqlite);
  });

  it("covers every read of the router", () => {
    expect(reads.length).toBeGreaterThan(35);
  });

  it("keeps the allow-list to reads that exist", () => {
    const paths = new Set(reads.map((r) => r.path));
    expect(Object.keys(INHERENT).filter((p) => !paths.has(p))).toEqual([]);
  });

  for (const { path, schema } of reads) {
    it(`${path} reads ledger_lines and balances through an index`, async () => {
      const call = path.split(".").reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key],
        // The portal's reads are the enterprise user's alone; every other read is the administrator's.
        callerAs(database, path.startsWith("portal.") ? "qiye" : "admin"),
      ) as (input: unknown) => Promise<unknown>;
      // One entry per offending statement, with every input that ran it.
      const problems = new Map<string, { inputs: string[]; tables: string[]; plan: string }>();
      for (const input of inputsFor(path, schema, ids)) {
        executed.length = 0;
        await call(input);
        const allowed = INHERENT[path];
        for (const statement of [...executed]) {
          const tables = fullScans(database.sqlite, statement, LARGE_TABLES).filter(
            (table) =>
              !(allowed?.tables.includes(table as LargeTable) && (allowed.when?.(input ?? {}) ?? true)),
          );
          if (tables.length === 0) continue;
          const text = statement.sql.replace(/\s+/g, " ").trim();
          const problem = problems.get(text) ?? {
            inputs: [],
            tables,
            plan: queryPlan(database.sqlite, statement),
          };
          problem.inputs.push(JSON.stringify(input));
          problems.set(text, problem);
        }
      }
      const report = [...problems].map(
        ([text, p]) => `scans ${p.tables.join(", ")} for inputs ${p.inputs.join(" ")}\n${text}\n${p.plan}`,
      );
      expect(report, report.join("\n\n")).toEqual([]);
    });
  }
});
