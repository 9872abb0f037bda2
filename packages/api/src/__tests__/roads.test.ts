import { createSeededDatabase, zhIssues } from "@relief/core/testing";
import type { ReliefDatabase } from "@relief/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, errorOf } from "../testing";

/** The road network over the API: dispatchers mark roads, everyone reads the network and its history. */
describe("roads over the API", () => {
  let database: ReliefDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });

  const edge = async (code: string) => {
    const row = (await callerAs(database, "lingdao").roads.edges({ name: code })).rows.find(
      (e) => e.code === code,
    );
    if (!row) throw new Error(`no road ${code}`);
    return row;
  };

  it("refuses a road status for an unknown edge in Chinese, and records nothing", async () => {
    const error = await errorOf(
      callerAs(database, "diaodu").roads.setStatus({ edgeId: 99_999, status: "closed", reason: "塌方" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("路段 #99999 不存在");
    expect((await callerAs(database, "diaodu").roads.history({})).total).toBe(0);
  });

  it("refuses a slow road without its speed factor beside the field", async () => {
    const road = await edge("R053");
    const error = await errorOf(
      callerAs(database, "diaodu").roads.setStatus({ edgeId: road.id, status: "slow", reason: "积水" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(zhIssues(error.cause)).toEqual([
      { field: "speedFactor", message: "缓行须填写速度系数（大于 0 且小于 1）" },
    ]);
    expect((await edge("R053")).status).toBe("open");
  });

  it("closes a road, filters the table by status and shows who closed it", async () => {
    const road = await edge("R056");
    await callerAs(database, "diaodu").roads.setStatus({
      edgeId: road.id,
      status: "closed",
      reason: "山体滑坡",
    });
    const closed = await callerAs(database, "minzheng").roads.edges({ status: "closed" });
    expect(closed.rows.map((e) => [e.code, e.name, e.reason])).toEqual([["R056", "木高路", "山体滑坡"]]);
    const history = await callerAs(database, "lingdao").roads.history({ edgeId: road.id });
    expect(history.rows[0]).toMatchObject({ status: "closed", recordedByName: "区应急局 调度员" });
    const network = await callerAs(database, "shangwu").roads.list();
    expect(network.edges.find((e) => e.id === road.id)?.status).toBe("closed");
  });

  it("exports the network as a workbook named in Chinese", async () => {
    const file = await callerAs(database, "lingdao").roads.exportSheet();
    expect(file.fileName).toMatch(/^巴南区路网-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.contentBase64.length).toBeGreaterThan(1000);
  });
});
