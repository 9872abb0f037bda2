/**
 * pnpm bench:import — what a spreadsheet import costs the request thread: for a receipt file at the row cap,
 * a file of twice the cap and a zip bomb, the wall time of the import and the longest stretch the event loop
 * was held (a 1 ms timer measures the gaps), for the read alone (in the worker pool) and for the whole import
 * (the read, then the checks and the posting in one transaction on this thread), as a civil-affairs keeper.
 *
 *   pnpm bench:import
 */
import { IMPORT_LIMITS, readFirstSheet, writeWorkbook } from "@relief/sheets";
import { zipBomb } from "@relief/sheets/testing";
import { importReceipts } from "../stock/sheets";
import { actorFor, contextFor, createSeededDatabase } from "../testing";

const HEADERS = ["仓库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "单位", "来源"];

function receipts(rows: number): Uint8Array {
  const body = Array.from({ length: rows }, (_, i) => [
    "QJ01",
    "MB-01",
    `B-${i}`,
    null,
    null,
    1,
    null,
    "采购",
  ]);
  return writeWorkbook([{ name: "入库明细", rows: [HEADERS, ...body] }]);
}

/** Wall time of an async call and the longest gap between ticks of a 1 ms timer meanwhile. */
async function observe(fn: () => Promise<unknown>): Promise<{ ms: number; heldMs: number; outcome: string }> {
  let last = performance.now();
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  const outcome = await fn().then(
    (r) =>
      r && typeof r === "object" && "documents" in r
        ? `${(r.documents as unknown[]).length} 张入库单`
        : "读取完成",
    (e: Error) => e.message.slice(0, 40),
  );
  const ms = performance.now() - start;
  clearInterval(timer);
  held = Math.max(held, performance.now() - last);
  return { ms, heldMs: held, outcome };
}

const cases: Array<[string, Uint8Array]> = [
  [`${IMPORT_LIMITS.rows.toLocaleString("en-US")} rows (the cap)`, receipts(IMPORT_LIMITS.rows)],
  [`${(2 * IMPORT_LIMITS.rows).toLocaleString("en-US")} rows`, receipts(2 * IMPORT_LIMITS.rows)],
  ["zip bomb, 150 MB inflated", zipBomb(150)],
];

console.log(
  "case                         | file KB | read ms | read held ms | import ms | import held ms | outcome",
);
for (const [name, content] of cases) {
  const read = await observe(() => readFirstSheet(content));
  const database = await createSeededDatabase();
  const run = await observe(() =>
    importReceipts({
      ctx: contextFor(database, actorFor(database, "minzheng")),
      input: { fileName: "bench.xlsx", content },
    }),
  );
  console.log(
    [
      name.padEnd(28),
      String(Math.round(content.byteLength / 1024)).padStart(7),
      read.ms.toFixed(0).padStart(7),
      read.heldMs.toFixed(0).padStart(12),
      run.ms.toFixed(0).padStart(9),
      run.heldMs.toFixed(0).padStart(14),
      run.outcome,
    ].join(" | "),
  );
  database.close();
}
