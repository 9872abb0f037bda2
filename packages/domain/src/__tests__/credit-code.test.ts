import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, creditCodeProblem } from "../credit-code";
import { renderMessage } from "../messages";

const problemText = (code: string, locale: "zh-CN" | "en-US" = "zh-CN") => {
  const problem = creditCodeProblem(code);
  return problem && renderMessage(problem, locale);
};

const VALID = ["91350100M000100Y43", "91110000600037341L"];
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it.each(VALID)("accepts %s", (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it("rejects every code that differs from a valid one in any single character", () => {
    for (const code of VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of ALPHABET) {
          if (c === code[i]) continue;
          const changed = code.slice(0, i) + c + code.slice(i + 1);
          expect(creditCodeProblem(changed), changed).not.toBeNull();
        }
      }
    }
  });

  it("says what is wrong", () => {
    expect(problemText("91350100M000100Y4")).toBe("统一社会信用代码应为 18 位，实际为 17 位");
    expect(problemText("91350100M000100I43")).toBe(
      "统一社会信用代码第 16 位“I”无效（只用数字和除 I、O、Z、S、V 以外的大写字母）",
    );
    expect(problemText("91350100M000100Y44")).toBe("统一社会信用代码校验位错误：第 18 位应为“3”，实际为“4”");
  });

  it("says it in English too", () => {
    expect(problemText("91350100M000100Y44", "en-US")).toBe(
      "Wrong check character in the unified social credit code: the 18th should be “3”, not “4”",
    );
  });
});
