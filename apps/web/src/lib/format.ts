import dayjs from "dayjs";

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
