import { enterpriseContacts, enterprises, type ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createSeededDatabase } from "../../testing";
import { enterpriseOptions, enterpriseSummaries, listEnterprises } from "../list";
import { EnterpriseOptionsInput } from "../schemas";

let database: ReliefDatabase;
const now = new Date().toISOString();
const name = (i: number) => `测试企业${String(i).padStart(3, "0")}`;

/** 120 enterprises beside the demo's ten: every third a logistics firm, every seventh suspended, each with a contact. */
beforeAll(async () => {
  database = await createSeededDatabase();
  const rows = database.db
    .insert(enterprises)
    .values(
      Array.from({ length: 120 }, (_, i) => ({
        name: name(i),
        creditCode: `TEST${String(i).padStart(14, "0")}`,
        kind: i % 3 === 0 ? ("logistics" as const) : ("manufacturer" as const),
        status: i % 7 === 0 ? ("suspended" as const) : ("active" as const),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: enterprises.id })
    .all();
  database.db
    .insert(enterpriseContacts)
    .values(rows.map((r, i) => ({ enterpriseId: r.id, name: `联系人${i}`, role: "", mobile: "13800000000" })))
    .run();
});

describe("enterprise register a page at a time", () => {
  it("answers page 2 of the register by name, with the total and each row's contacts and figures", () => {
    const whole = enterpriseSummaries(database.db, now);
    expect(whole).toHaveLength(130);
    const page = listEnterprises(database.db, { page: 2, pageSize: 50 }, now);
    expect(page.total).toBe(130);
    expect(page.rows).toEqual(whole.slice(50, 100));
    expect(page.rows.every((e) => e.contacts.length === 1)).toBe(true);
    const demo = listEnterprises(database.db, { search: "示例", pageSize: 200 }, now);
    expect(demo.rows).toEqual(whole.filter((e) => e.name.includes("示例")));
    expect(demo.rows.some((e) => e.agreementsInForce > 0 && e.areaName !== null)).toBe(true);
  });

  it("filters by kind, status and credit code and sorts either way", () => {
    expect(listEnterprises(database.db, { kind: "logistics", search: "测试", pageSize: 5 }, now).total).toBe(
      40,
    );
    const suspended = listEnterprises(database.db, { status: "suspended", search: "测试" }, now);
    expect(suspended.total).toBe(18);
    expect(suspended.rows.every((e) => e.status === "suspended" && e.flagged)).toBe(true);
    expect(listEnterprises(database.db, { search: "TEST00000000000000011" }, now).rows).toEqual([]);
    expect(
      listEnterprises(database.db, { search: "test00000000000011" }, now).rows.map((e) => e.name),
    ).toEqual([name(11)]);
    const byCode = listEnterprises(database.db, { sort: "creditCode", order: "desc", pageSize: 3 }, now);
    expect(byCode.rows.map((e) => e.creditCode)).toEqual([
      "TEST00000000000119",
      "TEST00000000000118",
      "TEST00000000000117",
    ]);
  });

  it("offers a picker at most its limit of matches, and the chosen enterprise even when it does not match", () => {
    const options = enterpriseOptions(database.db, { search: "测试企业", limit: 10 }, now);
    expect(options.map((o) => o.name)).toEqual(Array.from({ length: 10 }, (_, i) => name(i)));
    expect(options[0]).toMatchObject({ status: "suspended", flagged: true });
    const chosen = listEnterprises(database.db, { search: name(99) }, now).rows[0];
    const withChosen = enterpriseOptions(database.db, { search: "示例", id: chosen?.id }, now);
    expect(withChosen[0]?.name).toBe(name(99));
    expect(withChosen.slice(1).every((o) => o.name.includes("示例"))).toBe(true);
    expect(enterpriseOptions(database.db, {}, now)).toHaveLength(20);
    expect(EnterpriseOptionsInput.safeParse({ limit: 51 }).success).toBe(false);
  });
});
