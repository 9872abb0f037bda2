import { createSeededDatabase } from "@relief/core/testing";
import { msg } from "@relief/domain";
import { IMPORT_LIMITS, writeWorkbook } from "@relief/sheets";
import { zipBomb } from "@relief/sheets/testing";
import { describe, expect, it } from "vitest";
import { errorDetails } from "../errors";
import { callerAs, errorOf } from "../testing";

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("imports over the API", () => {
  it("a zip bomb is a bad request naming the cap; a full reader answers too-many-requests", async () => {
    const database = await createSeededDatabase();
    const caller = callerAs(database, "minzheng");
    const bomb = await errorOf(
      caller.stock.importReceipts({ fileName: "炸弹.xlsx", contentBase64: base64(zipBomb(60)) }),
    );
    expect(bomb.code).toBe("BAD_REQUEST");
    expect(errorDetails(bomb.cause)?.issues).toEqual([
      {
        text: msg("sheets.error.inflatedSize", { size: "61", cap: "50 MB" }),
        message: "文件解压后约 61 MB，超过上限 50 MB，请删除无关的工作表或分批导入",
      },
    ]);

    const file = base64(
      writeWorkbook([
        {
          name: "人口",
          rows: [
            ["镇街", "常住人口"],
            ["鱼洞街道", 1],
          ],
        },
      ]),
    );
    const calls = Array.from({ length: IMPORT_LIMITS.threads + IMPORT_LIMITS.queue + 1 }, () =>
      caller.areas.importPopulation({ fileName: "人口.xlsx", contentBase64: file }),
    );
    const refused = (await Promise.allSettled(calls)).filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "服务器正忙：同时导入的文件过多，请稍后再试",
    });
  });
});
