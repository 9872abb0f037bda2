import { zh } from "@relief/domain";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../limits";
import { createSheetReader, SheetReaderBusyError } from "../reader/pool";
import { inflatedSizeProblem } from "../reader/read-worker.mjs";
import { RECEIPT_COLUMNS } from "../receipts";
import { zipBomb } from "../testing";
import { readFirstSheet, writeWorkbook } from "../workbook";

const MB = 1024 * 1024;

/** Why the reader refused a file, in Chinese, or the grid it read. */
async function problem(bytes: Uint8Array) {
  const grid = await readFirstSheet(bytes);
  return "rows" in grid ? grid : zh(grid.message);
}

/** The same package with every size field rewritten to claim 1 KB: sizes a crafted file may state. */
function understated(zip: Uint8Array): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 1024, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, 1024, true);
  }
  return copy;
}

/** A receipt sheet of `rows` data rows, made quickly (one warehouse and item, a lot per row). */
function receiptSheet(rows: number): Uint8Array {
  const headers = RECEIPT_COLUMNS.map((c) => c.header);
  const body = Array.from({ length: rows }, (_, i) => [
    "QJ01",
    "MB-01",
    `L-${i}`,
    null,
    null,
    1,
    null,
    "采购",
    null,
    null,
  ]);
  return writeWorkbook([{ name: "入库明细", rows: [headers, ...body] }]);
}

let bomb: Uint8Array;
beforeAll(() => {
  bomb = zipBomb(150);
});

describe("inflated size", () => {
  it("refuses a 150 MB zip bomb from its directory, inflating nothing", async () => {
    expect(bomb.byteLength).toBeLessThan(MB);
    // The directory's own figure comes back: the refusal came before any entry was inflated.
    expect(inflatedSizeProblem(bomb, IMPORT_LIMITS.inflatedBytes)).toEqual({
      ok: false,
      reason: "inflated",
      declaredBytes: 150 * MB + "<Types/>".length,
    });
    expect(await problem(bomb)).toBe("文件解压后约 151 MB，超过上限 50 MB，请删除无关的工作表或分批导入");
  });

  it("stops a bomb that understates its sizes at the cap", async () => {
    const liar = understated(bomb);
    expect(inflatedSizeProblem(liar, IMPORT_LIMITS.inflatedBytes)).toEqual({
      ok: false,
      reason: "inflated",
      declaredBytes: null,
    });
    expect(await problem(liar)).toBe("文件解压后超过上限 50 MB，请删除无关的工作表或分批导入");
  });

  it("refuses an entry compressed far beyond what a spreadsheet reaches", () => {
    const dense = zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(4 * MB), { level: 9 }] });
    expect(inflatedSizeProblem(dense, IMPORT_LIMITS.inflatedBytes)).toMatchObject({
      reason: "ratio",
      entry: "xl/worksheets/sheet1.xml",
    });
  });

  it("passes an ordinary workbook", () => {
    expect(inflatedSizeProblem(receiptSheet(10), IMPORT_LIMITS.inflatedBytes)).toBeNull();
  });
});

describe("sheet reader", () => {
  it("reads the first sheet off the main thread: a timer keeps firing while a large sheet is parsed", async () => {
    const file = receiptSheet(IMPORT_LIMITS.rows);
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const grid = await readFirstSheet(file);
    clearInterval(timer);
    // Parsed on this thread, the read would hold the event loop from start to end and no tick could run.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(grid).toMatchObject({ sheetName: "入库明细", header: { row: 1 } });
    if (!("rows" in grid)) throw new Error(zh(grid.message));
    expect(grid.rows).toHaveLength(IMPORT_LIMITS.rows);
    expect(grid.rows.at(-1)).toEqual({
      row: IMPORT_LIMITS.rows + 1,
      cells: ["QJ01", "MB-01", `L-${IMPORT_LIMITS.rows - 1}`, null, null, 1, null, "采购"],
    });
  });

  it("refuses more data rows than the cap, stating it, and reads only the first sheet", async () => {
    const rows = [["编码"], ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => [i])];
    expect(await problem(writeWorkbook([{ name: "明细", rows }]))).toBe(
      "文件共 20,001 行，超过单次导入上限 20,000 行，请分批导入",
    );
    const second = writeWorkbook([
      { name: "明细", rows: [["编码"], [1]] },
      { name: "说明", rows },
    ]);
    expect(await readFirstSheet(second)).toMatchObject({ rows: [{ row: 2, cells: [1] }] });
  });

  it("skips blank rows without materialising them and keeps Excel's row numbers", async () => {
    const rows: unknown[][] = [[], ["编码", "数量"], ["A", 1], [], ["  ", null], ["B", 2]];
    const grid = await readFirstSheet(writeWorkbook([{ name: "明细", rows }]));
    expect(grid).toMatchObject({
      header: { row: 2, cells: ["编码", "数量"] },
      rows: [
        { row: 3, cells: ["A", 1] },
        { row: 6, cells: ["B", 2] },
      ],
    });
  });

  it("answers a damaged package with the unreadable-file message", async () => {
    const broken = zipSync({ "xl/workbook.xml": strToU8("<not-a-workbook") });
    expect(await problem(broken)).toBe("无法读取该 Excel 文件，文件可能已损坏");
    const truncated = receiptSheet(10).subarray(0, 400);
    expect(await problem(truncated)).toBe("无法读取该 Excel 文件，文件可能已损坏");
  });
});

describe("sheet reader limits", () => {
  const reader = createSheetReader({ ...IMPORT_LIMITS, threads: 1, queue: 1 });
  afterAll(() => reader.close());

  it("refuses a file when the threads and the queue are full", async () => {
    const file = receiptSheet(5);
    const reads = [reader.read(file), reader.read(file), reader.read(file)];
    const outcomes = await Promise.allSettled(reads);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const refused = outcomes[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(SheetReaderBusyError);
    expect(refused.reason.message).toBe("服务器正忙：同时导入的文件过多，请稍后再试");
    // Once the files are read, the next one is taken again.
    expect(await reader.read(file)).toMatchObject({ ok: true });
  });

  it("gives up on a file that runs past the time limit", async () => {
    const impatient = createSheetReader({ ...IMPORT_LIMITS, timeoutMs: 1 });
    try {
      expect(await impatient.read(receiptSheet(2000))).toEqual({ ok: false, reason: "timeout" });
    } finally {
      await impatient.close();
    }
  });
});
