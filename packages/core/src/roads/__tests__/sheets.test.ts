import { auditLog, type ReliefDatabase, roadEdges, roadNodes } from "@relief/db";
import { writeWorkbook } from "@relief/sheets";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { listRoads } from "../list";
import { exportRoads, importRoads } from "../sheets";

let database: ReliefDatabase;
let ctx: CoreContext;
beforeEach(async () => {
  database = await createSeededDatabase();
  ctx = contextFor(database, actorFor(database, "diaodu"));
});

const EDGE_HEADER = [
  "编码",
  "名称",
  "起点",
  "终点",
  "等级",
  "里程km",
  "限速",
  "单行",
  "渡口分钟",
  "过江",
  "启用",
];
const NODE_HEADER = ["编码", "名称", "类型", "纬度", "经度", "所在镇街", "仓库编码", "启用"];
const workbook = (edges: unknown[][], nodes?: unknown[][]) =>
  writeWorkbook([
    { name: "路段", rows: [EDGE_HEADER, ...edges] },
    ...(nodes ? [{ name: "节点", rows: [NODE_HEADER, ...nodes] }] : []),
  ]);
const state = () => ({
  nodes: database.db.select().from(roadNodes).all(),
  edges: database.db.select().from(roadEdges).all(),
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
});

describe("road network sheets", () => {
  it("imports back its own export unchanged, every length keeping its basis", async () => {
    const before = listRoads(database.db);
    const file = exportRoads(database.db, new Date().toISOString());
    const outcome = await importRoads({ ctx, input: { fileName: file.fileName, content: file.content } });
    expect(outcome).toEqual({
      nodesCreated: 0,
      nodesUpdated: before.nodes.length,
      edgesCreated: 0,
      edgesUpdated: before.edges.length,
    });
    const after = listRoads(database.db);
    expect(after.edges.map((e) => [e.code, e.km, e.kmBasis])).toEqual(
      before.edges.map((e) => [e.code, e.km, e.kmBasis]),
    );
  });

  it("creates a node and a road to it, and records a changed length as surveyed", async () => {
    const content = workbook(
      [
        ["R900", "丰盛—新村道", "T16", "J-NEW1", "村道", null, null, "否", null, null, "是"],
        ["R056", "木高路", "T13", "T18", "省道", 16.5, null, "否", null, null, "是"],
      ],
      [["J-NEW1", "丰盛镇新安置点路口", "路口", 29.51, 106.97, "丰盛镇", null, "是"]],
    );
    const outcome = await importRoads({ ctx, input: { fileName: "路网.xlsx", content } });
    expect(outcome).toEqual({ nodesCreated: 1, nodesUpdated: 0, edgesCreated: 1, edgesUpdated: 1 });
    const { edges } = listRoads(database.db);
    expect(edges.find((e) => e.code === "R900")).toMatchObject({ toCode: "J-NEW1", kmBasis: "estimated" });
    expect(edges.find((e) => e.code === "R056")).toMatchObject({ km: 16.5, kmBasis: "surveyed" });
  });

  it("rejects a file with bad rows in either sheet, naming each row and column, and writes nothing", async () => {
    const before = state();
    const content = workbook(
      [
        ["R901", "新路", "T01", "NOPE", "县道", null, null, null, null, null, null],
        ["R902", "新路", "T01", "T02", "大道", null, null, null, null, null, null],
        ["R903", "渡口", "T01", "T02", "渡口", 2, null, null, null, null, null],
        ["R901", "重复", "T01", "T03", "县道", null, null, null, null, null, null],
        ["R904", "新路", "T01", "J-BAD", "县道", -3, null, null, null, null, null],
      ],
      [["J-BAD", "无镇街", "镇街驻地", 29.5, 106.9, "火星镇", null, null]],
    );
    try {
      await importRoads({ ctx, input: { fileName: "路网.xlsx", content } });
      expect.unreachable();
    } catch (error) {
      expect(zhIssues(error)).toEqual([
        { row: 2, column: "所在镇街", message: "节点表：没有名为“火星镇”的镇街" },
        { row: 2, column: "终点", message: "节点编码 NOPE 不存在（节点表和系统中都没有）" },
        {
          row: 3,
          column: "等级",
          message: expect.stringContaining("等级应为"),
        },
        { row: 4, column: "渡口分钟", message: "渡口须填写过渡分钟（含候渡）" },
        { row: 5, column: "编码", message: "编码与第 2 行重复" },
        { row: 6, column: "里程km", message: expect.stringContaining("里程km") },
      ]);
    }
    expect(state()).toEqual(before);
  });

  it("keeps the nodes as they are when the workbook has no node sheet", async () => {
    const content = workbook([
      ["R001", "G5001 绕城高速", "T05", "J-HXIC", "高速公路", null, 80, "否", null, null, "是"],
    ]);
    const outcome = await importRoads({ ctx, input: { fileName: "路段.xlsx", content } });
    expect(outcome).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, edgesUpdated: 1 });
    expect(database.db.select().from(roadEdges).where(eq(roadEdges.code, "R001")).get()?.speedKmh).toBe(80);
  });
});
