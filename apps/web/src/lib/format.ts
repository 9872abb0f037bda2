import dayjs, { type Dayjs } from "dayjs";

export const DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm";
export const DATE_TIME_SECONDS_FORMAT = "YYYY-MM-DD HH:mm:ss";

/** ISO time from the server, shown in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, format = DATE_TIME_FORMAT): string {
  if (!iso) return "—";
  const value = dayjs(iso);
  return value.isValid() ? value.format(format) : iso;
}

export function formatCoordinates(lat: number | null, lon: number | null): string {
  if (lat === null || lon === null) return "—";
  return `${lat.toFixed(3)}, ${lon.toFixed(3)}`;
}

/** Compact one-line JSON for tables; the full text goes in a tooltip. */
export function compactJson(value: unknown, maxLength = 120): { short: string; full: string } {
  const short = JSON.stringify(value) ?? "";
  return {
    short: short.length > maxLength ? `${short.slice(0, maxLength - 1)}…` : short,
    full: JSON.stringify(value, null, 2) ?? "",
  };
}

/** A measurement with as many decimals as it has, up to `maxDigits` (0.0012 m³, 2.5 kg, 50 kg). */
export function formatDecimal(value: number, locale: string, maxDigits = 4): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** The district keeps China Standard Time (UTC+8): expiry days follow it, whatever the browser's zone. */
const DISTRICT_OFFSET_MS = 8 * 3_600_000;

/** Today's `YYYY-MM-DD` in the district. */
export function districtToday(now: Date = new Date()): string {
  return new Date(now.getTime() + DISTRICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from the district's today to a `YYYY-MM-DD` date; negative once past. */
export function daysFromToday(date: string, now: Date = new Date()): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${districtToday(now)}T00:00:00Z`)) / 86_400_000,
  );
}

/** An ISO instant as the district reads it (China Standard Time), whatever the browser's zone. */
export function formatDistrictDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + DISTRICT_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * An instant for a date-time picker: a dayjs whose wall-clock reading is the district's (UTC+8), so the
 * picker shows China Standard Time in any browser zone. `districtInstant` turns the picked value back.
 */
export function districtPickerValue(iso: string | Date): Dayjs {
  const ms = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  return dayjs(new Date(ms + DISTRICT_OFFSET_MS).toISOString().slice(0, 23));
}

/** The ISO instant of a picked district wall-clock time (see `districtPickerValue`). */
export function districtInstant(value: Dayjs): string {
  return new Date(`${value.format("YYYY-MM-DDTHH:mm:ss.SSS")}+08:00`).toISOString();
}

/** Whether a picked date lies after the district's today (for pickers of things that already happened). */
export function isAfterDistrictToday(value: Dayjs): boolean {
  return value.format("YYYY-MM-DD") > districtToday();
}

/** Money is stored in fen (1/100 yuan); forms edit yuan with two decimals. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuan === null || yuan === undefined ? null : Math.round(yuan * 100);
}

/** "¥1,234.50", or "—" without an amount. */
export function formatYuan(fen: number | null | undefined, locale: string): string {
  if (fen === null || fen === undefined) return "—";
  return `¥${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100)}`;
}
