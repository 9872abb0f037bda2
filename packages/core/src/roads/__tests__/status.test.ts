import { auditLog, incidents, type ReliefDatabase, roadEdges, roadStatusEvents } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { NotFoundError, ValidationError } from "../../errors";
import { actorFor, contextFor, createSeededDatabase, zhIssues, zhThrown } from "../../testing";
import { closuresForIncident } from "../closures";
import { roadNetworkForPlanning } from "../planning";
import { roadHistory, setRoadStatus } from "../status";

let database: ReliefDatabase;
let ctx: CoreContext;
let clock: Date;
beforeEach(async () => {
  database = await createSeededDatabase();
  clock = new Date("2026-07-01T02:30:00Z");
  ctx = { ...contextFor(database, actorFor(database, "diaodu")), now: () => clock };
});

const edgeId = (code: string) =>
  database.db.select({ id: roadEdges.id }).from(roadEdges).where(eq(roadEdges.code, code)).get()?.id ?? 0;
/** Rows a refused status change must leave as they were. */
const snapshot = () => ({
  events: database.db.select({ n: count() }).from(roadStatusEvents).get()?.n,
  audit: database.db.select({ n: count() }).from(auditLog).get()?.n,
  edges: database.db.select().from(roadEdges).all(),
});
const hoursLater = (h: number) => new Date(Date.parse("2026-07-01T02:30:00Z") + h * 3_600_000);

describe("road status", () => {
  it("closes a road: one event, the edge's cached status and one audit row, read back by the history", () => {
    const before = snapshot();
    const id = edgeId("R056");
    const closed = setRoadStatus({
      ctx,
      input: {
        edgeId: id,
        status: "closed",
        reason: "山体滑坡阻断",
        effectiveAt: "2026-07-01T02:10:00Z",
        expectedReopenAt: "2026-07-01T14:00:00Z",
      },
    });
    expect(closed).toMatchObject({
      status: "closed",
      statusSince: "2026-07-01T02:10:00.000Z",
      reason: "山体滑坡阻断",
      expectedReopenAt: "2026-07-01T14:00:00.000Z",
    });
    const after = snapshot();
    expect(after.events).toBe((before.events ?? 0) + 1);
    expect(after.audit).toBe((before.audit ?? 0) + 1);
    const history = roadHistory(database.db, { edgeId: id });
    expect(history.total).toBe(1);
    expect(history.rows[0]).toMatchObject({ status: "closed", recordedByName: "区应急局 调度员" });
    expect(roadNetworkForPlanning(database.db).edges.find((e) => e.id === id)).toMatchObject({
      closed: true,
    });

    clock = hoursLater(1);
    setRoadStatus({ ctx, input: { edgeId: id, status: "slow", speedFactor: 0.4, reason: "单车道通行" } });
    expect(roadNetworkForPlanning(database.db).edges.find((e) => e.id === id)).toMatchObject({
      closed: false,
      speedFactor: 0.4,
    });
    clock = hoursLater(2);
    const open = setRoadStatus({ ctx, input: { edgeId: id, status: "open" } });
    expect(open).toMatchObject({ status: "open", speedFactor: 1, reason: null, expectedReopenAt: null });
    expect(roadHistory(database.db, { edgeId: id }).rows.map((r) => r.status)).toEqual([
      "open",
      "slow",
      "closed",
    ]);
  });

  it("refuses an unknown edge, slow without a factor, closed without a reason, a factor out of range: nothing written", () => {
    const before = snapshot();
    const id = edgeId("R001");
    const unknown = () => setRoadStatus({ ctx, input: { edgeId: 99_999, status: "closed", reason: "塌方" } });
    expect(unknown).toThrow(NotFoundError);
    expect(zhThrown(unknown)).toBe("路段 #99999 不存在");

    const slow = () => setRoadStatus({ ctx, input: { edgeId: id, status: "slow", reason: "积水" } });
    expect(slow).toThrow(ValidationError);
    expect(zhThrown(slow)).toContain("缓行须填写速度系数");

    try {
      setRoadStatus({ ctx, input: { edgeId: id, status: "closed" } });
      expect.unreachable();
    } catch (error) {
      expect(zhIssues(error)).toEqual([{ field: "reason", message: "标记为“中断”须填写原因" }]);
    }
    for (const speedFactor of [0, 1, 1.5, -0.2]) {
      const out = () =>
        setRoadStatus({ ctx, input: { edgeId: id, status: "slow", speedFactor, reason: "积水" } });
      expect(zhThrown(out)).toContain("速度系数应大于 0 且小于 1");
    }
    const future = () =>
      setRoadStatus({
        ctx,
        input: { edgeId: id, status: "closed", reason: "塌方", effectiveAt: "2026-07-01T05:00:00Z" },
      });
    expect(zhThrown(future)).toContain("生效时间不能晚于现在");
    const reopenFirst = () =>
      setRoadStatus({
        ctx,
        input: { edgeId: id, status: "closed", reason: "塌方", expectedReopenAt: "2026-07-01T01:00:00Z" },
      });
    expect(zhThrown(reopenFirst)).toContain("预计恢复时间应晚于生效时间");
    expect(zhThrown(() => setRoadStatus({ ctx, input: { edgeId: id, status: "open" } }))).toContain(
      "已在通行",
    );
    expect(
      zhThrown(() =>
        setRoadStatus({ ctx, input: { edgeId: id, status: "closed", reason: "塌方", incidentId: 42 } }),
      ),
    ).toContain("灾情 #42 不存在");
    expect(snapshot()).toEqual(before);
  });

  it("refuses a change dated before the road's last one", () => {
    const id = edgeId("R001");
    setRoadStatus({ ctx, input: { edgeId: id, status: "closed", reason: "塌方" } });
    const before = snapshot();
    const earlier = () =>
      setRoadStatus({ ctx, input: { edgeId: id, status: "open", effectiveAt: "2026-07-01T01:00:00Z" } });
    expect(zhThrown(earlier)).toContain("生效时间不能早于该路段上一次状态变化（2026-07-01 10:30）");
    expect(snapshot()).toEqual(before);
  });
});

describe("closures of an incident", () => {
  it("lists the closures linked to it or since its start, and the trunk roads' average hours against 12 h", () => {
    const admin = actorFor(database, "admin");
    const incident = database.db
      .insert(incidents)
      .values({
        number: "ZQ-TEST-1",
        type: "flood",
        title: "木洞镇洪涝",
        startedAt: "2026-07-01T02:10:00Z",
        createdBy: admin.userId,
        createdAt: "2026-07-01T02:20:00Z",
        updatedAt: "2026-07-01T02:20:00Z",
      })
      .returning({ id: incidents.id })
      .get();
    // A trunk road (木高路, provincial) closed 8 h, another (南涪路, national) closed 16 h; a county road still closed.
    const mugao = edgeId("R056");
    const nanfu = edgeId("R053");
    const county = edgeId("R061");
    setRoadStatus({
      ctx,
      input: { edgeId: mugao, status: "closed", reason: "滑坡", incidentId: incident.id },
    });
    setRoadStatus({ ctx, input: { edgeId: nanfu, status: "closed", reason: "淹没" } });
    setRoadStatus({ ctx, input: { edgeId: county, status: "closed", reason: "塌方" } });
    clock = hoursLater(4);
    setRoadStatus({
      ctx,
      input: { edgeId: mugao, status: "closed", reason: "滑坡", expectedReopenAt: "2026-07-01T12:00:00Z" },
    });
    clock = hoursLater(8);
    setRoadStatus({ ctx, input: { edgeId: mugao, status: "open" } });
    clock = hoursLater(16);
    setRoadStatus({ ctx, input: { edgeId: nanfu, status: "slow", speedFactor: 0.5, reason: "半幅通行" } });
    clock = hoursLater(18);

    const report = closuresForIncident(database.db, { incidentId: incident.id }, clock.toISOString());
    expect(report.closures.map((c) => [c.edgeCode, c.hours, c.withinTarget])).toEqual([
      ["R053", 16, false],
      ["R056", 8, true],
      ["R061", 18, null],
    ]);
    expect(report.closures.find((c) => c.edgeCode === "R056")?.expectedReopenAt).toBe(
      "2026-07-01T12:00:00.000Z",
    );
    expect(report).toMatchObject({
      trunkClosures: 2,
      trunkAverageHours: 12,
      trunkTargetMet: true,
      targetHours: 12,
    });
    expect(() => closuresForIncident(database.db, { incidentId: 999 }, clock.toISOString())).toThrow(
      NotFoundError,
    );
  });
});
