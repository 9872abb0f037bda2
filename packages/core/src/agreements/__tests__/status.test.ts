import { describe, expect, it } from "vitest";
import { agreementStatus, calloffStatus, isInForce, stockLineFlags } from "../status";

const agreement = { startDate: "2026-01-01", endDate: "2026-12-31", terminatedOn: null };

describe("agreement status, derived from the dates", () => {
  it.each([
    ["2025-12-31", "pending"],
    ["2026-01-01", "active"],
    ["2026-11-30", "active"],
    ["2026-12-01", "expiring"],
    ["2026-12-31", "expiring"],
    ["2027-01-01", "expired"],
  ])("on %s the agreement is %s", (today, status) => {
    expect(agreementStatus(agreement, today)).toBe(status);
  });

  it("is terminated from the termination date on, not before", () => {
    const ended = { ...agreement, terminatedOn: "2026-06-15" };
    expect(agreementStatus(ended, "2026-06-14")).toBe("active");
    expect(agreementStatus(ended, "2026-06-15")).toBe("terminated");
  });

  it("counts stock only while in force (active or expiring)", () => {
    expect(
      ["pending", "active", "expiring", "expired", "terminated"].map((s) => isInForce(s as never)),
    ).toEqual([false, true, true, false, false]);
  });
});

describe("declaration and verification flags", () => {
  const line = (declaredOn: string | null, inspectedOn: string | null, verified = 100) => ({
    quantity: 100,
    declaration: declaredOn ? { declaredOn } : null,
    verification: inspectedOn ? { inspectedOn, quantity: verified } : null,
  });

  it("flags a line never inspected, and one never declared", () => {
    expect(stockLineFlags(line("2026-11-01", null), "2026-11-29")).toEqual(["unverified"]);
    expect(stockLineFlags(line(null, "2026-11-01"), "2026-11-29")).toEqual(["undeclared"]);
  });

  it("flags a verification more than 90 days old", () => {
    expect(stockLineFlags(line("2026-11-01", "2026-08-31"), "2026-11-29")).toEqual([]);
    expect(stockLineFlags(line("2026-11-01", "2026-08-30"), "2026-11-29")).toEqual(["verification_stale"]);
  });

  it("flags a declaration older than the last verification, and a verification below the commitment", () => {
    expect(stockLineFlags(line("2026-10-01", "2026-10-02", 99), "2026-11-29")).toEqual([
      "declaration_outdated",
      "below_commitment",
    ]);
    expect(stockLineFlags(line("2026-10-02", "2026-10-02"), "2026-11-29")).toEqual([]);
  });
});

describe("call-off status", () => {
  const calloff = {
    quantity: 10,
    requiredBy: "2026-11-01T10:00:00.000Z",
    deliveredQuantity: null,
    deliveredAt: null,
    cancelledAt: null,
  };
  it.each([
    [{}, "2026-11-01T09:00:00.000Z", "open"],
    [{}, "2026-11-01T10:00:01.000Z", "overdue"],
    [
      { deliveredQuantity: 10, deliveredAt: "2026-11-01T10:00:00.000Z" },
      "2026-11-02T00:00:00.000Z",
      "on_time",
    ],
    [{ deliveredQuantity: 10, deliveredAt: "2026-11-01T10:30:00.000Z" }, "2026-11-02T00:00:00.000Z", "late"],
    [
      { deliveredQuantity: 6, deliveredAt: "2026-11-01T09:00:00.000Z" },
      "2026-11-02T00:00:00.000Z",
      "partial",
    ],
    [{ deliveredQuantity: 0, deliveredAt: "2026-11-01T09:00:00.000Z" }, "2026-11-02T00:00:00.000Z", "failed"],
    [{ cancelledAt: "2026-11-01T08:00:00.000Z" }, "2026-11-02T00:00:00.000Z", "cancelled"],
  ])("%o at %s is %s", (change, now, status) => {
    expect(calloffStatus({ ...calloff, ...change }, now)).toBe(status);
  });
});
