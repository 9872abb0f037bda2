import type { Translate } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";

/** Minutes from the plan's time zero to an instant (negative before it: loading may start earlier). */
export function minutesFrom(startsAt: string, iso: string): number {
  return (Date.parse(iso) - Date.parse(startsAt)) / 60_000;
}

/** The district's clock (HH:mm, China Standard Time) a number of minutes after the plan's time zero. */
export function clockAt(startsAt: string, minutes: number): string {
  return formatDistrictDateTime(new Date(Date.parse(startsAt) + minutes * 60_000).toISOString()).slice(11);
}

/** “9 小时 40 分” / “9 h 40 min”; a negative span reads as its size (the caller says early or late). */
export function formatSpan(minutes: number, t: Translate): string {
  const whole = Math.round(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return t("plan.span.minutes", { minutes: rest });
  return t("plan.span.hours", { hours, minutes: rest });
}

/**
 * Route colours: distinct hues that avoid the red and orange the map keeps for closed and slow roads, reused
 * in order when there are more routes than colours.
 */
const ROUTE_COLOURS = [
  "#1677ff",
  "#389e0d",
  "#722ed1",
  "#13c2c2",
  "#eb2f96",
  "#10239e",
  "#a0d911",
  "#006d75",
  "#9254de",
  "#5b8c00",
  "#f759ab",
  "#434343",
];

export function routeColour(index: number): string {
  return ROUTE_COLOURS[index % ROUTE_COLOURS.length] ?? "#1677ff";
}

/** A route's name on the map's legend and the timeline: the vehicle, and its trip from the second on. */
export function routeName(route: { vehicleLabel: string; trip: number }, t: Translate): string {
  return route.trip > 1
    ? t("plan.route.trip", { vehicle: route.vehicleLabel, trip: route.trip })
    : route.vehicleLabel;
}
