import { aidRequests, areas, neighbours, type ReliefDatabase } from "@relief/db";
import { zh } from "@relief/domain";
import { buildImportTemplate, LENDABLE_COLUMNS, writeWorkbook } from "@relief/sheets";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { reportNotes } from "../../coverage/report";
import { coverageSummary } from "../../coverage/summary";
import { createIncident } from "../../incidents/create";
import { actorFor, contextFor, createSeededDatabase, demoIds, stockSnapshot, zhThrown } from "../../testing";
import { importLendable, lendableTemplate } from "../lendable";
import { listAid } from "../list";
import { aidRequestSheet, exportLoans, listLoans } from "../loans";
import { issueAid, receiveAid } from "../moves";
import { getNeighbour, listNeighbours, updateNeighbour } from "../neighbours";
import { planAidOutbound } from "../outbound";
import { cancelAid, replyAid, requestAid } from "../requests";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

let database: ReliefDatabase;
let dispatcher: CoreContext;
let admin: CoreContext;
let ids: ReturnType<typeof demoIds>;
let incidentId: number;

const neighbourId = (name: string) => {
  const row = database.db.select().from(neighbours).where(eq(neighbours.name, name)).get();
  if (!row) throw new Error(`no neighbour ${name}`);
  return row.id;
};
const areaId = (name: string) => {
  const row = database.db.select().from(areas).where(eq(areas.name, name)).get();
  if (!row) throw new Error(`no area ${name}`);
  return row.id;
};
const requests = () => database.db.select({ n: count() }).from(aidRequests).get()?.n ?? 0;

function askNanan(tents = 200) {
  return requestAid({
    ctx: dispatcher,
    input: {
      neighbourId: neighbourId("南岸区"),
      incidentId,
      deliveryAreaId: areaId("李家沱街道"),
      neededBy: hours(6),
      lines: [{ itemId: ids.item("ZP-12"), quantity: tents }],
    },
  });
}

const promise200 = (requestId: number) =>
  replyAid({
    ctx: dispatcher,
    input: {
      requestId,
      arriveAt: hours(2),
      lines: [{ itemId: ids.item("ZP-12"), quantity: 200 }],
      trucks: [{ plate: "渝B12345", driver: "陈师傅" }],
    },
  });

beforeEach(async () => {
  database = await createSeededDatabase();
  dispatcher = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  admin = { ...contextFor(database, actorFor(database, "admin")), now: () => NOW };
  ids = demoIds(database);
  incidentId = createIncident({
    ctx: dispatcher,
    input: {
      type: "flood",
      title: "洪涝",
      startedAt: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
      areas: [{ areaId: areaId("李家沱街道"), affected: 2000, relocated: 900 }],
    },
  }).id;
});

describe("the neighbour register", () => {
  it("holds Banan's ten neighbours, each entering at a boundary node, some with a dated lendable list", () => {
    const page = listNeighbours(database.db, { pageSize: 50 });
    expect(page.total).toBe(10);
    expect(page.rows.every((n) => n.entryNodeId !== null)).toBe(true);
    const nanan = getNeighbour(database.db, neighbourId("南岸区"));
    expect(nanan.entryNodeCode).toBe("B-NANAN");
    expect(nanan.contacts[0]?.name).toBeTruthy();
    // The list carries each neighbour's contacts too, so the register reads whom to call without opening one.
    expect(page.rows.find((n) => n.id === nanan.id)?.contacts).toEqual(nanan.contacts);
    expect(nanan.lendable.find((l) => l.itemCode === "ZP-12")?.quantity).toBe(300);
  });

  it("refuses an entry that is not a boundary node, naming it, and writes nothing", () => {
    const id = neighbourId("南岸区");
    const before = getNeighbour(database.db, id);
    const junction = database.sqlite
      .prepare("SELECT id FROM road_nodes WHERE kind = 'junction' LIMIT 1")
      .get() as {
      id: number;
    };
    expect(
      zhThrown(() => updateNeighbour({ ctx: dispatcher, input: { id, entryNodeId: junction.id } })),
    ).toContain("不是在用的区界道口节点");
    expect(getNeighbour(database.db, id)).toEqual(before);
  });

  it("keeps each imported lendable list with its date; the latest counts, the earlier stay as history", async () => {
    const id = neighbourId("南岸区");
    const sheet = (rows: unknown[][]) =>
      buildImportTemplate({
        sheetName: "可借物资",
        columns: LENDABLE_COLUMNS,
        examples: rows,
        intro: [],
        lists: [],
      });
    const view = await importLendable({
      ctx: dispatcher,
      input: {
        neighbourId: id,
        listDate: "2026-11-01",
        fileName: "南岸.xlsx",
        content: sheet([["ZP-12", "", 450, "", ""]]),
      },
    });
    expect(view.lendable).toEqual([expect.objectContaining({ itemCode: "ZP-12", quantity: 450 })]);
    expect(view.lists.map((l) => l.listDate)).toEqual(["2026-11-01", "2026-10-15"]);
    expect(lendableTemplate(database.db, { id }).fileName).toBe("南岸区可借物资清单模板.xlsx");
  });

  it("refuses a lendable sheet with an unknown item, a fractional or negative quantity, naming each row", async () => {
    const id = neighbourId("南岸区");
    const content = writeWorkbook([
      {
        name: "可借物资",
        rows: [
          LENDABLE_COLUMNS.map((c) => c.header),
          ["NOPE-1", "", 5, "", ""],
          ["ZP-12", "", 2.5, "", ""],
          ["MB-01", "", -3, "", ""],
        ],
      },
    ]);
    const before = getNeighbour(database.db, id);
    const refused = await importLendable({
      ctx: dispatcher,
      input: { neighbourId: id, listDate: "2026-11-01", fileName: "坏.xlsx", content },
    }).catch(
      (e: unknown) => e as Error & { issues: Array<{ row: number; message: Parameters<typeof zh>[0] }> },
    );
    const issues = (refused as { issues: Array<{ row: number; message: Parameters<typeof zh>[0] }> }).issues;
    expect(issues.map((i) => i.row)).toEqual([2, 3, 4]);
    expect(zh(issues[0]?.message as Parameters<typeof zh>[0])).toContain("NOPE-1 不在物资目录中");
    expect(getNeighbour(database.db, id)).toEqual(before);
  });
});

describe("requests out and replies", () => {
  it("numbers a request HZ-YYYYMM-NNNN, records the reply, and writes the request document", () => {
    const aid = askNanan();
    expect(aid.number).toMatch(/^HZ-\d{6}-0001$/);
    expect(aid.status).toBe("open");
    const replied = promise200(aid.id);
    expect(replied.status).toBe("promised");
    expect(replied.promisedAt).toBe(hours(2));
    expect(replied.replies[0]?.trucks[0]).toMatchObject({ plate: "渝B12345", payloadKg: 8000 });
    expect(replied.lines[0]).toMatchObject({ quantity: 200, promised: 200, delivered: 0 });
    expect(askNanan().number).toMatch(/-0002$/);
    expect(listAid(database.db, { direction: "out", status: "promised" }).rows.map((r) => r.id)).toEqual([
      aid.id,
    ]);
    expect(aidRequestSheet(database.db, { requestId: aid.id }).fileName).toBe(
      `互助请求单_${aid.number}.xlsx`,
    );
  });

  it("refuses bad requests with a clear Chinese error and writes nothing", () => {
    const base = {
      neighbourId: neighbourId("南岸区"),
      incidentId,
      deliveryAreaId: areaId("李家沱街道"),
      neededBy: hours(6),
      lines: [{ itemId: ids.item("ZP-12"), quantity: 200 }],
    };
    const before = requests();
    const refused = (change: object) =>
      zhThrown(() => requestAid({ ctx: dispatcher, input: { ...base, ...change } }));
    expect(refused({ neededBy: hours(-1) })).toContain("已过");
    expect(refused({ neighbourId: 99_999 })).toContain("邻近区县 #99999 不存在");
    expect(refused({ lines: [{ itemId: ids.item("ZP-12"), quantity: -5 }] })).toContain("数量");
    expect(refused({ lines: [{ itemId: ids.item("ZP-12"), quantity: 2.5 }] })).toContain("整数");
    expect(refused({ incidentId: null })).toContain("灾情");
    expect(requests()).toBe(before);
  });

  it("refuses a reply for a cancelled or completed request, naming its state, and writes nothing", () => {
    const aid = askNanan();
    cancelAid({ ctx: dispatcher, input: { requestId: aid.id, reason: "已由市级统筹" } });
    const before = stockSnapshot(database);
    expect(zhThrown(() => promise200(aid.id))).toBe(`互助请求 ${aid.number} 已取消，不能再登记答复`);
    expect(stockSnapshot(database).audit).toBe(before.audit);
    expect(
      zhThrown(() => cancelAid({ ctx: dispatcher, input: { requestId: aid.id, reason: "再次" } })),
    ).toContain("不能取消");
  });
});

describe("arrival into the ledger and loans", () => {
  it("receives the loaned tents as loan stock that coverage never counts, and returns them", () => {
    const aid = askNanan();
    promise200(aid.id);
    const covered = () => coverageSummary(database.db, {}, NOW.toISOString());
    const before = covered();
    const { aid: received, document } = receiveAid({
      ctx: admin,
      input: {
        requestId: aid.id,
        warehouseId: ids.warehouse("QJ01"),
        lines: [{ itemId: ids.item("ZP-12"), lotCode: "NA-2026-01", quantity: 200 }],
      },
    });
    expect(document.number).toMatch(/^RK-/);
    expect(received.status).toBe("closed");
    const after = covered();
    expect(after.headline).toEqual(before.headline);
    const tents = (s: typeof after) => s.categories.find((c) => c.code === before.categories[0]?.code);
    expect(tents(after)?.governmentQuantity).toBe(tents(before)?.governmentQuantity);
    const tentCategory = after.categories.find((c) => c.loanQuantity > 0);
    expect(tentCategory?.loanQuantity).toBe(200);
    // The report counts it nowhere and says it is held, on loan.
    expect(reportNotes(after).at(-1)).toBe(
      `另有向邻区借用的物资在库，属出借方所有，不计入上表：${tentCategory?.name} 200 ${tentCategory?.unitLabel}。`,
    );
    expect(listLoans(database.db, { outstanding: true }).rows).toEqual([
      expect.objectContaining({ number: aid.number, delivered: 200, returned: 0, outstanding: 200 }),
    ]);
    const refusedBefore = stockSnapshot(database);
    expect(
      zhThrown(() =>
        issueAid({
          ctx: admin,
          input: {
            requestId: aid.id,
            warehouseId: ids.warehouse("QJ01"),
            lines: [{ itemId: ids.item("ZP-12"), quantity: 201 }],
          },
        }),
      ),
    ).toContain("超过尚未归还的 200");
    expect(stockSnapshot(database)).toEqual(refusedBefore);
    issueAid({
      ctx: admin,
      input: {
        requestId: aid.id,
        warehouseId: ids.warehouse("QJ01"),
        lines: [{ itemId: ids.item("ZP-12"), quantity: 190 }],
      },
    });
    // Ten were used up: written off with the lender's agreement, which settles the loan.
    const { document: writtenOff } = issueAid({
      ctx: admin,
      input: {
        requestId: aid.id,
        warehouseId: ids.warehouse("QJ01"),
        writeOff: true,
        lines: [{ itemId: ids.item("ZP-12"), quantity: 10 }],
      },
    });
    expect(
      database.sqlite
        .prepare("SELECT issue_reason AS r FROM stock_documents WHERE number = ?")
        .get(writtenOff.number),
    ).toEqual({ r: "write_off" });
    expect(listLoans(database.db, { outstanding: true }).total).toBe(0);
    expect(covered().categories.find((c) => c.loanQuantity > 0)).toBeUndefined();
    expect(exportLoans(database.db, {}, NOW.toISOString()).fileName).toMatch(/^借用物资台账_/);
  });

  it("records a neighbour's request in and issues Banan's help with reason mutual_aid", () => {
    const aid = requestAid({
      ctx: dispatcher,
      input: {
        direction: "in",
        neighbourId: neighbourId("綦江区"),
        neededBy: hours(4),
        lines: [{ itemId: ids.item("MB-01"), quantity: 100 }],
      },
    });
    expect(zhThrown(() => promise200(aid.id))).toContain("由本区发出物资答复");
    // Planned to the neighbour's entry node: the fastest warehouses holding quilts first.
    const plan = planAidOutbound(database.db, { requestId: aid.id }, NOW.toISOString());
    const entry = database.sqlite.prepare("SELECT id FROM road_nodes WHERE code = 'B-QIJIANG'").get() as {
      id: number;
    };
    expect(plan.entryNodeId).toBe(entry.id);
    const minutes = plan.sources.map((s) => s.minutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(plan.proposal.reduce((sum, p) => sum + p.quantity, 0)).toBe(100);
    expect(plan.proposal[0]?.warehouseId).toBe(plan.sources.find((s) => s.available.length > 0)?.warehouseId);
    expect(plan.unmet).toEqual([]);
    expect(
      zhThrown(() => planAidOutbound(database.db, { requestId: askNanan().id }, NOW.toISOString())),
    ).toContain("不由本区发出物资");
    const { aid: sent, document } = issueAid({
      ctx: admin,
      input: {
        requestId: aid.id,
        warehouseId: ids.warehouse("QJ01"),
        lines: [{ itemId: ids.item("MB-01"), quantity: 100 }],
      },
    });
    expect(sent.status).toBe("closed");
    const row = database.sqlite
      .prepare("SELECT issue_reason AS reason, reference FROM stock_documents WHERE number = ?")
      .get(document.number);
    expect(row).toEqual({ reason: "mutual_aid", reference: aid.number });
    expect(listLoans(database.db, { direction: "in" }).rows[0]).toMatchObject({ outstanding: 100 });
  });
});
