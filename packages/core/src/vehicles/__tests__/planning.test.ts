import type { ReliefDatabase } from "@relief/db";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelCalloff, confirmCalloff, createCalloff } from "../../agreements/calloffs";
import { actorFor, contextFor, createSeededDatabase } from "../../testing";
import { listVehicles } from "../list";
import { vehicleFormOptions } from "../options";
import { vehiclesForPlanning } from "../planning";
import { updateVehicle } from "../save";

let database: ReliefDatabase;
const now = Date.now();
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
const INCIDENT = "ZQ-TEST-0001";

beforeEach(async () => {
  database = await createSeededDatabase();
});

const commerce = () => contextFor(database, actorFor(database, "shangwu"));
const lineOf = (number: string) =>
  vehicleFormOptions(database.db, new Date(now).toISOString()).agreementLines.find(
    (l) => l.agreementNumber === number,
  )?.id ?? 0;
const callOff = (
  number: string,
  quantity: number,
  requestedAt: string,
  dispatchRef: string | null = INCIDENT,
) =>
  createCalloff({ ctx: commerce(), input: { lineId: lineOf(number), quantity, requestedAt, dispatchRef } });
const plates = (fleet: Array<{ plate: string }>) => fleet.map((v) => v.plate);

describe("the fleet a plan is built with", () => {
  it("holds the available government vehicles, never those in maintenance or taken out of the fleet", () => {
    const fleet = vehiclesForPlanning(database.db);
    expect(fleet).toHaveLength(19);
    expect(
      fleet.every((v) => v.owner === "government" && v.availableFrom === null && v.responseHours === 0),
    ).toBe(true);
    expect(plates(fleet)).not.toContain("渝BJZ004");
    expect(plates(fleet)).not.toContain("渝BJZ018");
    const qj = fleet.find((v) => v.plate === "渝BJZ001");
    expect(qj).toMatchObject({ type: "heavy", payloadKg: 15000, volumeM3: 55 });

    const truck = listVehicles(database.db, { search: "渝BJZ001" }).rows[0];
    if (!truck) throw new Error("no demo truck");
    updateVehicle({
      ctx: contextFor(database, actorFor(database, "diaodu")),
      input: { ...truck, active: false },
    });
    expect(plates(vehiclesForPlanning(database.db))).not.toContain("渝BJZ001");
  });

  it("adds agreement trucks only for a call-off of their line for this incident, from the line's response time", () => {
    // Call-offs for another incident, without a reference, and cancelled ones bring no truck.
    callOff("BNSW-YL-2026-006", 2, hoursAgo(1), "ZQ-OTHER");
    callOff("BNSW-YL-2026-006", 1, hoursAgo(1), null);
    const cancelled = callOff("BNSW-YL-2026-007", 2, hoursAgo(1));
    cancelCalloff({ ctx: commerce(), input: { id: cancelled.id, reason: "测试" } });
    expect(vehiclesForPlanning(database.db, { incidentRef: INCIDENT })).toHaveLength(19);

    callOff("BNSW-YL-2026-006", 3, hoursAgo(1));
    const fleet = vehiclesForPlanning(database.db, { incidentRef: INCIDENT });
    const called = fleet.filter((v) => v.owner === "agreement");
    // Three of the four plated trucks, by plate; 4 h response from a call-off an hour ago: 3 h from now.
    expect(plates(called)).toEqual(["渝ASD001", "渝ASD002", "渝ASD003"]);
    for (const truck of called) {
      expect(truck).toMatchObject({
        type: "medium",
        agreementNumber: "BNSW-YL-2026-006",
        responseHours: 4,
        availableFrom: hoursAgo(1 - 4),
      });
    }
    // Without the incident's reference, government vehicles only.
    expect(vehiclesForPlanning(database.db).some((v) => v.owner === "agreement")).toBe(false);
  });

  it("skips agreement trucks in maintenance and never brings more than the plated trucks", () => {
    const ctx = contextFor(database, actorFor(database, "shangwu"));
    const asd1 = listVehicles(database.db, { search: "渝ASD001" }).rows[0];
    if (!asd1) throw new Error("no demo truck");
    updateVehicle({ ctx, input: { ...asd1, status: "maintenance" } });
    callOff("BNSW-YL-2026-006", 2, hoursAgo(2));
    // 6 heavy trucks asked for, 3 plated.
    callOff("BNSW-YL-2026-007", 6, hoursAgo(0.5));
    const called = vehiclesForPlanning(database.db, { incidentRef: INCIDENT }).filter(
      (v) => v.owner === "agreement",
    );
    expect(plates(called).sort()).toEqual(["渝ASD002", "渝ASD003", "渝ATT001", "渝ATT002", "渝ATT003"]);
    expect(called.find((v) => v.plate === "渝ATT001")).toMatchObject({
      responseHours: 6,
      availableFrom: hoursAgo(0.5 - 6),
    });
  });

  it("counts a confirmed call-off's trucks as they came, from their arrival", () => {
    const calloff = callOff("BNSW-YL-2026-006", 3, hoursAgo(5));
    const arrived = hoursAgo(2);
    confirmCalloff({
      ctx: commerce(),
      input: { id: calloff.id, deliveredQuantity: 2, deliveredAt: arrived, confirmedBy: "区应急局 示例人员" },
    });
    const called = vehiclesForPlanning(database.db, { incidentRef: INCIDENT }).filter(
      (v) => v.owner === "agreement",
    );
    expect(called.map((v) => [v.plate, v.availableFrom])).toEqual([
      ["渝ASD001", arrived],
      ["渝ASD002", arrived],
    ]);
    const none = callOff("BNSW-YL-2026-007", 2, hoursAgo(5));
    confirmCalloff({
      ctx: commerce(),
      input: { id: none.id, deliveredQuantity: 0, deliveredAt: arrived, confirmedBy: "区应急局 示例人员" },
    });
    expect(
      vehiclesForPlanning(database.db, { incidentRef: INCIDENT }).filter((v) => v.owner === "agreement"),
    ).toHaveLength(2);
  });

  it("adds every delivery truck of a stock line called off for this incident, from its response time", () => {
    const stockLine = (number: string, lineNo: number) =>
      vehicleFormOptions(database.db, new Date(now).toISOString()).agreementLines.find(
        (l) => l.agreementNumber === number && l.lineNo === lineNo,
      )?.id ?? 0;
    const callOffGoods = (number: string, lineNo: number, dispatchRef: string) =>
      createCalloff({
        ctx: commerce(),
        input: { lineId: stockLine(number, lineNo), quantity: 100, requestedAt: hoursAgo(1), dispatchRef },
      });
    // 示例饮品's water called off for another incident brings none of its delivery trucks.
    callOffGoods("BNSW-XY-2026-001", 1, "ZQ-OTHER");
    // 示例超市's ready food (line 2) for this one: both trucks of that line, though 100 bags need one; not
    // the truck registered under its water line.
    callOffGoods("BNSW-XY-2026-008", 2, INCIDENT);
    const called = vehiclesForPlanning(database.db, { incidentRef: INCIDENT }).filter(
      (v) => v.owner === "agreement",
    );
    expect(plates(called)).toEqual(["渝ACS002", "渝ACS003"]);
    for (const truck of called)
      expect(truck).toMatchObject({
        agreementNumber: "BNSW-XY-2026-008",
        responseHours: 4,
        availableFrom: hoursAgo(1 - 4),
      });
  });
});
