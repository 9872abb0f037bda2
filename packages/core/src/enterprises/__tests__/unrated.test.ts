import type { ReliefDatabase } from "@relief/db";
import { msg, renderMessage } from "@relief/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { confirmCalloff, createCalloff } from "../../agreements/calloffs";
import { createAgreement } from "../../agreements/save";
import { actorFor, contextFor, createSeededDatabase } from "../../testing";
import { addDays, localDate } from "../../time";
import { creditRecord } from "../credit";
import { enterpriseSummaries } from "../list";
import { createEnterprise } from "../save";

let database: ReliefDatabase;
const NOW = new Date();
const now = NOW.toISOString();
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

beforeEach(async () => {
  database = await createSeededDatabase();
});

describe("an enterprise without credit history", () => {
  it("is unrated, not flagged, until its first delivery grades it", () => {
    const ctx = { ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW };
    const enterprise = createEnterprise({
      ctx,
      input: { name: "测试用运输公司", creditCode: "91350100M000100Y43", kind: "logistics" },
    });
    expect(creditRecord(database.db, enterprise.id, now)).toMatchObject({ grade: "unrated", flagged: false });
    expect(enterpriseSummaries(database.db, now).find((e) => e.id === enterprise.id)?.grade).toBe("unrated");

    const agreement = createAgreement({
      ctx,
      input: {
        number: "TEST-YL-009",
        enterpriseId: enterprise.id,
        kind: "transport",
        startDate: addDays(localDate(NOW), -30),
        endDate: addDays(localDate(NOW), 300),
        lines: [{ vehicleType: "medium", quantity: 10, responseHours: 4 }],
      },
    });
    const calloff = createCalloff({
      ctx,
      input: { lineId: agreement.lines[0]?.id ?? 0, quantity: 2, requestedAt: hours(-10) },
    });
    confirmCalloff({
      ctx,
      input: { id: calloff.id, deliveredQuantity: 2, deliveredAt: hours(-7), confirmedBy: "王五" },
    });
    expect(creditRecord(database.db, enterprise.id, now)).toMatchObject({
      calloffsDue: 1,
      calloffsOnTime: 1,
      score: 100,
      grade: "A",
    });
  });

  it("labels the unrated grade in both languages", () => {
    expect(renderMessage(msg("enterprises.grade.unrated"), "zh-CN")).toBe("未评级");
    expect(renderMessage(msg("enterprises.grade.unrated"), "en-US")).toBe("Not yet rated");
  });
});
