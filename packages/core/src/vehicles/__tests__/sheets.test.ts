import { auditLog, type ReliefDatabase, vehicles } from "@relief/db";
import { zh } from "@relief/domain";
import { readFirstSheet, writeWorkbook } from "@relief/sheets";
import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { listVehicles } from "../list";
import { exportVehicles, importVehicles } from "../sheets";

let database: ReliefDatabase;
const now = new Date().toISOString();

beforeEach(async () => {
  database = await createSeededDatabase();
});

const as = (username: string) => contextFor(database, actorFor(database, username));
const file = (rows: unknown[][]) => ({
  fileName: "车辆.xlsx",
  content: writeWorkbook([{ name: "车辆", rows }]),
});
const grid = async (content: Uint8Array) => {
  const sheet = await readFirstSheet(content);
  if (!("rows" in sheet)) throw new Error(zh(sheet.message));
  return [sheet.header.cells, ...sheet.rows.map((r) => r.cells)];
};
const tally = () => ({
  vehicles: database.db.select({ n: count() }).from(vehicles).get()?.n,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
});
async function issuesOf(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (error instanceof ValidationError) return { message: error.message, issues: zhIssues(error) };
    throw error;
  }
  throw new Error("expected the import to be rejected");
}

const HEADERS = [
  "车牌号",
  "车型",
  "载重kg",
  "容积m³",
  "所属仓库编码",
  "驾驶员",
  "联系电话",
  "状态",
  "权属",
  "协议编号",
  "行号",
];

describe("fleet sheet", () => {
  it("round-trips: the export imports back as updates, a new plate registers a vehicle", async () => {
    const exported = await grid(exportVehicles(database.db, now).content);
    expect(exported[0]).toEqual(HEADERS);
    expect(exported).toHaveLength(36);
    expect(exported).toContainEqual([
      "渝ASD001",
      "中型货车 6.8 米",
      8000,
      40,
      "QJ01",
      expect.any(String),
      expect.any(String),
      "可用",
      "协议运力",
      "BNSW-YL-2026-006",
      1,
    ]);
    const result = await importVehicles({
      ctx: as("diaodu"),
      input: file([
        ...exported,
        ["渝B 9X101", "4.2米", 1800, 12.5, "JL01", "新示例", "13800009101", "维修", "", "", ""],
      ]),
    });
    expect(result).toEqual({ created: 1, updated: 35 });
    expect(listVehicles(database.db, { search: "渝B9X101" }).rows[0]).toMatchObject({
      type: "light",
      payloadKg: 1800,
      volumeM3: 12.5,
      homeWarehouseCode: "JL01",
      status: "maintenance",
      owner: "government",
    });
  });

  it("rejects the whole file with every bad row and column, and writes nothing", async () => {
    const before = tally();
    const rejected = await issuesOf(() =>
      importVehicles({
        ctx: as("diaodu"),
        input: file([
          HEADERS,
          ["渝B9X201", "轻型", 2000, 14, "MD01", "", "", "", "", "", ""],
          ["渝B9X202", "轻型", 0, 14, "MD01", "", "", "", "", "", ""],
          ["渝B12", "轻型", 2000, 14, "MD01", "", "", "", "", "", ""],
          ["渝B9X203", "轻型", 2000, 14, "XX99", "", "", "", "", "", ""],
          ["渝B·9X201", "轻型", 2000, 14, "MD01", "", "", "", "", "", ""],
          ["渝B9X204", "拖拉机", 2000, 14, "MD01", "", "", "", "", "", ""],
          ["渝B9X205", "中型", 8000, 40, "QJ01", "", "", "", "协议运力", "BNSW-YL-2026-006", ""],
          ["渝B9X206", "重型", 15000, 55, "QJ01", "", "", "", "协议运力", "BNSW-YL-2026-006", 1],
          ["渝B9X207", "重型", 15000, 55, "QJ01", "", "", "", "协议运力", "BNSW-YL-2026-006", 9],
        ]),
      }),
    );
    expect(rejected.message).toBe("文件“车辆.xlsx”有 8 处错误，未导入任何数据");
    expect(rejected.issues).toEqual([
      { row: 3, column: "载重kg", message: "载重（千克）应大于 0" },
      { row: 4, column: "车牌号", message: expect.stringContaining("车牌号“渝B12”格式不正确") },
      { row: 5, column: "所属仓库编码", message: "仓库编码 XX99 不存在" },
      { row: 6, column: "车牌号", message: "车牌号与第 2 行重复" },
      { row: 7, column: "车型", message: expect.stringContaining("拖拉机") },
      { row: 8, column: "行号", message: "协议编号和行号须同时填写" },
      {
        row: 9,
        column: "车型",
        message: "协议 BNSW-YL-2026-006 第 1 行约定的车型是中型货车 6.8 米，本车车型为重型货车 9.6 米",
      },
      { row: 10, column: "协议编号", message: "协议 BNSW-YL-2026-006 没有第 9 行" },
    ]);
    expect(tally()).toEqual(before);
  });

  it("lets commerce import its agreement trucks, not government ones", async () => {
    const before = tally();
    const rejected = await issuesOf(() =>
      importVehicles({
        ctx: as("shangwu"),
        input: file([
          HEADERS,
          ["渝ASD001", "中型", 8000, 40, "QJ01", "换人示例", "", "", "协议运力", "BNSW-YL-2026-006", 1],
          ["渝BJZ001", "重型", 15000, 55, "QJ01", "", "", "维修保养", "", "", ""],
        ]),
      }),
    );
    expect(rejected.issues).toEqual([{ row: 3, column: "权属", message: "政府车辆由调度人员登记和修改" }]);
    expect(tally()).toEqual(before);
  });
});
