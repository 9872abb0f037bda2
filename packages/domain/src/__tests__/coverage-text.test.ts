import { describe, expect, it } from "vitest";
import { quotaMessage, renderMessage, reportNoteMessages } from "../index";

const tent = { quantity: 1, unitLabel: "顶", perPersons: 3, basis: "person", days: null } as const;

describe("quota and report-note texts", () => {
  it("reads a quota the same way in the report and on the page, in either language", () => {
    expect(renderMessage(quotaMessage(tent), "zh-CN")).toBe("1 顶/3 人");
    expect(renderMessage(quotaMessage(tent), "en-US")).toBe("1 顶 per 3 persons");
    const kit = { ...tent, unitLabel: "个", perPersons: 1, basis: "household" } as const;
    expect(renderMessage(quotaMessage(kit), "zh-CN")).toBe("1 个/户");
    const water = { quantity: 3, unitLabel: "L", perPersons: 1, basis: "person", days: 3 } as const;
    expect(renderMessage(quotaMessage(water), "zh-CN")).toBe("3 L/人·日 × 3 日");
    expect(renderMessage(quotaMessage(water), "en-US")).toBe("3 L per person per day × 3 days");
  });

  it("lists names with the locale's separator and capacities as clauses", () => {
    const notes = reportNoteMessages({
      countDeclared: false,
      estimates: ["帐篷", "棉被", "折叠床"],
      capacity: [
        { name: "饮用水", perDay: 20_000, unit: "瓶" },
        { name: "方便食品", perDay: 5_000, unit: "袋" },
      ],
      population: 1_178_856,
      householdSize: "2.45",
      flagged: [],
      loans: [],
    });
    expect(notes.map((note) => renderMessage(note, "zh-CN")).slice(2)).toEqual([
      "以下类别的保障定额为估算值，待核定：帐篷、棉被、折叠床。",
      "产能储备（未计入）：饮用水每日可生产 20,000 瓶；方便食品每日可生产 5,000 袋。",
      "人口：常住人口 1,178,856 人；按户计的定额以户均 2.45 人折算。",
    ]);
    expect(notes.map((note) => renderMessage(note, "en-US"))[2]).toBe(
      "The quotas of these categories are estimates still to be confirmed: 帐篷, 棉被, 折叠床.",
    );
  });

  it("names stock on loan from neighbours as held but not counted", () => {
    const notes = reportNoteMessages({
      countDeclared: false,
      estimates: [],
      capacity: [],
      population: 1_178_856,
      householdSize: "2.45",
      flagged: [],
      loans: [{ name: "帐篷", quantity: 200, unit: "顶" }],
    });
    expect(renderMessage(notes.at(-1) as (typeof notes)[number], "zh-CN")).toBe(
      "另有向邻区借用的物资在库，属出借方所有，不计入上表：帐篷 200 顶。",
    );
  });
});
