import { describe, expect, it } from "vitest";
import { MESSAGES, m, msg, readSchemaMessage, renderMessage } from "../messages";

const params = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
const HAN = /\p{Script=Han}/u;

describe("message catalog", () => {
  it.each(Object.entries(MESSAGES))("%s has the same parameters in both languages", (_key, phrase) => {
    expect(params(phrase.en)).toEqual(params(phrase.zh));
  });

  it("writes every English phrase without Chinese characters", () => {
    const mixed = Object.entries(MESSAGES).filter(([, phrase]) => HAN.test(phrase.en));
    expect(mixed.map(([key]) => key)).toEqual([]);
  });

  it("keys start with their domain's name", () => {
    const stray = Object.keys(MESSAGES).filter((key) => !/^[a-z]+\.[\w.]+$/.test(key));
    expect(stray).toEqual([]);
  });
});

describe("renderMessage", () => {
  it("fills parameters, nested messages and lists in the chosen language", () => {
    const input = msg("common.error.inputIssues", {
      issues: [
        msg("common.error.fieldIssue", { field: "name", message: msg("common.error.invalidValue") }),
        msg("common.error.invalidValue"),
      ],
    });
    expect(renderMessage(input, "zh-CN")).toBe("输入有误：name：值无效；值无效");
    expect(renderMessage(input, "en-US")).toBe("Invalid input: name: Invalid value; Invalid value");
  });

  it("prints counts with the locale's separators and huge numbers in exponent form", () => {
    const text = (n: number) => renderMessage(msg("common.error.internal", { incident: n }), "en-US");
    expect(text(1234567)).toContain("1,234,567");
    expect(text(1.5e15)).toContain("1.5e15");
  });

  it("shows an unknown key as itself rather than nothing", () => {
    expect(renderMessage({ key: "nowhere.unknown" }, "zh-CN")).toBe("nowhere.unknown");
  });

  it("carries a message through a zod error string and back", () => {
    expect(readSchemaMessage(m("common.error.internal", { incident: "ab12" }))).toEqual({
      key: "common.error.internal",
      params: { incident: "ab12" },
    });
    expect(readSchemaMessage("Invalid input")).toBeNull();
  });
});
