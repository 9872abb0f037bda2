import { describe, expect, it } from "vitest";
import { readLayoutInputs } from "../problem";
import { obviousCase } from "./fixture";

const now = "2026-06-01T02:00:00.000Z";

/** The obvious case with a required family kit, one per household; 东镇 records 2.5 persons a household. */
function withFamilyKits() {
  const database = obviousCase();
  const at = "2026-01-01T00:00:00.000Z";
  database.sqlite.exec(`
    UPDATE areas SET household_size = 2.5 WHERE id = 3;
    INSERT INTO item_categories (id, code, name, name_en) VALUES (2, 'family_kit', '家庭应急包', 'Family kit');
    INSERT INTO items (id, code, name, category_id, base_unit, kg_per_unit, m3_per_unit, created_at, updated_at)
      VALUES (2, 'JTB', '家庭应急包', 2, '个', 5, 0.03, '${at}', '${at}');
    INSERT INTO quotas (category_id, measure, unit_label, quantity, per_persons, basis, required, estimate, source,
                        effective_from, recorded_at)
      VALUES (2, 'unit', '个', 1, 1, 'household', 1, 1, '', '${at}', '${at}');
  `);
  return database;
}

describe("the layout problem's need per person", () => {
  it("counts a household quota ÷ the township's household size, and ÷ the district's in the 10 % case", () => {
    const { problem } = readLayoutInputs(withFamilyKits().db, now);
    const need = Object.fromEntries(problem.scenarios.map((s) => [s.id, s.needPerPerson]));
    // 东镇 records 2.5 persons a household: one kit per 2.5 people; tents stay ⅓ a person.
    expect(need["A3:flood"]).toEqual({ I1: 1 / 3, I2: 1 / 2.5 });
    // 西镇 records none (Chongqing's 2.45): 2,000 people in 1,000 / 2.45 + 1,000 / 2.5 households.
    expect(need.district?.I1).toBe(1 / 3);
    expect(need.district?.I2).toBeCloseTo((1000 / 2.45 + 1000 / 2.5) / 2000, 12);
    expect(problem.items.map((i) => i.id)).toEqual(["I1", "I2"]);
  });

  it("leaves the need as it was without household quotas, and the fingerprint changes with them", () => {
    const plain = readLayoutInputs(obviousCase().db, now);
    expect(plain.problem.scenarios.map((s) => s.needPerPerson)).toEqual([{ I1: 1 / 3 }, { I1: 1 / 3 }]);
    expect(readLayoutInputs(withFamilyKits().db, now).fingerprint).not.toBe(plain.fingerprint);
  });
});
