import { areas, auditLog, type ReliefDatabase } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { actorFor, contextFor, createSeededDatabase, zhIssues } from "../../testing";
import { receivingContacts } from "../contact";
import { getArea, listAreas } from "../list";
import { createArea, updateArea } from "../update";

let database: ReliefDatabase;
const township = () => {
  const first = listAreas(database.db, { level: "township" }).areas[0];
  if (!first) throw new Error("no township seeded");
  return first;
};
const audits = () => database.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;

beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("areas.update: the receiving contact", () => {
  it("refuses a phone that is not a phone number, and nothing is written", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const before = getArea(database.db, township().id);
    const writes = audits();
    for (const phone of ["请联系应急办", "1234", "023-6622 1001 转 8", "((()))-+"]) {
      let cause: unknown;
      try {
        updateArea({ ctx, input: { id: before.id, contactName: "新示例", contactPhone: phone } });
      } catch (error) {
        cause = error;
      }
      expect(zhIssues(cause), phone).toEqual([
        { field: "contactPhone", message: "联系电话应为 5–20 位数字，可含空格、+、- 和括号" },
      ]);
    }
    expect(getArea(database.db, before.id)).toEqual(before);
    expect(audits()).toBe(writes);
  });

  it("saves a name and phone, audited, and listed with the township", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const { id, name } = township();
    const saved = updateArea({
      ctx,
      input: { id, contactName: " 新示例 ", contactPhone: "+86 (023) 6622-1099" },
    });
    expect(saved).toMatchObject({ contactName: "新示例", contactPhone: "+86 (023) 6622-1099" });
    expect(listAreas(database.db).areas.find((a) => a.id === id)).toMatchObject({
      contactName: "新示例",
      contactPhone: "+86 (023) 6622-1099",
    });
    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "areas.update")).get();
    expect(JSON.parse(audit?.summary ?? "{}")).toEqual({
      name,
      changes: { contactName: "新示例", contactPhone: "+86 (023) 6622-1099" },
    });
  });

  it("names a village's township's contact for a village without its own", () => {
    const ctx = contextFor(database, actorFor(database, "minzheng"));
    const parent = township();
    const input = {
      parentId: parent.id,
      population: 900,
      populationYear: 2024,
      populationBasis: "estimate" as const,
    };
    const plain = createArea({ ctx, input: { ...input, kind: "village", name: "示例村" } });
    const own = createArea({ ctx, input: { ...input, kind: "community", name: "示例社区" } });
    updateArea({ ctx, input: { id: own.id, contactName: "社区示例", contactPhone: "023-66229001" } });
    const contacts = receivingContacts(database.db, [plain.id, own.id, parent.id]);
    const townships = { name: parent.contactName, phone: parent.contactPhone };
    expect(townships.name).not.toBe("");
    expect(contacts.get(plain.id)).toEqual(townships);
    expect(contacts.get(parent.id)).toEqual(townships);
    expect(contacts.get(own.id)).toEqual({ name: "社区示例", phone: "023-66229001" });
    expect(database.db.select().from(areas).where(eq(areas.id, plain.id)).get()?.contactName).toBe("");
  });
});
