import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { writeWorkbook } from "@relief/sheets";
import { beforeEach, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

describe("areas API", () => {
  let database: ReliefDatabase;
  beforeEach(async () => {
    database = await createSeededDatabase();
  });

  it("lists the district, its 23 townships and the two targets", async () => {
    const overview = await callerAs(database, "lingdao").areas.list();
    expect(overview.district).toMatchObject({
      name: "巴南区",
      population: 1_178_856,
      childrenPopulation: 1_178_856,
    });
    expect(overview.targets).toEqual({
      reserveRatio: 0.1,
      reservePeople: 117_886,
      shelterRatio: 0.2,
      shelterPeople: 235_771,
    });
    const townships = overview.areas.filter((a) => a.level === "township");
    expect(townships).toHaveLength(23);
    expect(townships.filter((a) => a.kind === "subdistrict")).toHaveLength(9);
    expect(townships.find((a) => a.name === "龙洲湾街道")).toMatchObject({
      population: 178_554,
      populationBasis: "census",
      contactName: "秦示例",
      contactPhone: "023-66221001",
    });
    expect(townships.find((a) => a.name === "莲花街道")).toMatchObject({
      population: 143_500,
      populationBasis: "official",
    });
    expect(townships.filter((a) => a.populationBasis === "estimate")).toHaveLength(21);
  });

  it("rejects a bad edit with a Chinese message naming the field", async () => {
    const error = await errorOf(callerAs(database, "minzheng").areas.update({ id: 2, population: -1 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([{ field: "population", message: "常住人口不能为负数" }]);
    const phone = await errorOf(
      callerAs(database, "minzheng").areas.update({ id: 2, contactName: "新示例", contactPhone: "应急办" }),
    );
    expect(zhIssues(phone.cause)).toEqual([
      { field: "contactPhone", message: "联系电话应为 5–20 位数字，可含空格、+、- 和括号" },
    ]);
  });

  it("adds and removes a village, refusing to remove a township", async () => {
    const caller = callerAs(database, "minzheng");
    const village = await caller.areas.create({
      parentId: 2,
      kind: "community",
      name: "滨江社区",
      population: 8_000,
      populationYear: 2024,
      populationBasis: "official",
    });
    const duplicate = await errorOf(
      caller.areas.create({
        parentId: 2,
        kind: "community",
        name: "滨江社区",
        population: 1,
        populationYear: 2024,
        populationBasis: "official",
      }),
    );
    expect(duplicate).toMatchObject({ code: "CONFLICT", message: "龙洲湾街道已有“滨江社区”" });
    await caller.areas.remove({ id: village.id });
    expect(await errorOf(caller.areas.remove({ id: 2 }))).toMatchObject({
      code: "CONFLICT",
      message: "只能删除村或社区，区和镇街不可删除",
    });
  });

  it("imports a population file sent as base64 and reports row errors as details", async () => {
    const caller = callerAs(database, "minzheng");
    const file = (rows: unknown[][]) =>
      Buffer.from(writeWorkbook([{ name: "人口", rows: [["镇街", "常住人口"], ...rows] }])).toString(
        "base64",
      );
    const bad = await errorOf(
      caller.areas.importPopulation({ fileName: "bad.xlsx", contentBase64: file([["不存在镇", 5]]) }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("文件“bad.xlsx”有 1 处错误，未导入任何数据");
    const ok = await caller.areas.importPopulation({
      fileName: "ok.xlsx",
      contentBase64: file([["鱼洞街道", 151_234]]),
    });
    expect(ok).toMatchObject({ updated: 1, townshipTotal: 1_178_856 + 1_234 });
    const exported = await callerAs(database, "diaodu").areas.exportPopulation();
    expect(exported.fileName).toMatch(/^巴南区常住人口_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Buffer.from(exported.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK");
  });
});

describe("enterprises API", () => {
  it("returns the credit-code problem as a field error", async () => {
    const database = await createSeededDatabase();
    const error = await errorOf(
      callerAs(database, "shangwu").enterprises.create({
        name: "演示企业",
        creditCode: "91110000600037341X",
        kind: "manufacturer",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([
      { field: "creditCode", message: "统一社会信用代码校验位错误：第 18 位应为“L”，实际为“X”" },
    ]);
    const created = await callerAs(database, "shangwu").enterprises.create({
      name: "演示企业",
      creditCode: "91110000600037341L",
      kind: "manufacturer",
    });
    expect(created.creditCode).toBe("91110000600037341L");
    expect((await callerAs(database, "lingdao").enterprises.list()).total).toBe(11);
  });
});
