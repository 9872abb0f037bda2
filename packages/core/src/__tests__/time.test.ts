import { describe, expect, it } from "vitest";
import { addMonths, districtDayStart, localDate, localDateTime } from "../time";

describe("district time (China Standard Time)", () => {
  it("reads instants as Beijing dates and times", () => {
    expect(localDate("2026-11-30T16:30:00Z")).toBe("2026-12-01");
    expect(localDateTime("2026-11-30T16:30:00Z")).toBe("2026-12-01 00:30");
    expect(districtDayStart("2026-12-01")).toBe("2026-11-30T16:00:00.000Z");
  });

  it("adds months, clamping to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });
});
