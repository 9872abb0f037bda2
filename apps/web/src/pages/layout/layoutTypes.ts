import type { Translate } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";

export type Evaluation = RouterOutputs["layout"]["evaluate"];
export type Scenario = Evaluation["scenarios"][number];
export type Advice = RouterOutputs["layout"]["advice"];
export type DraftTransfer = RouterOutputs["layout"]["drafts"]["rows"][number];
export type Risk = RouterOutputs["risks"]["list"][number];

/** A share (0–1) as a percentage with one decimal, the way the page shows every share. */
export function percent(share: number): string {
  return (Math.round(share * 1000) / 10).toString();
}

/** Township names by area id, from the risk register (which names every township it holds). */
export function townshipNames(risks: readonly Risk[] | undefined): Map<number, string> {
  return new Map((risks ?? []).map((r) => [r.areaId, r.township]));
}

export const HAZARDS = ["flood", "landslide", "earthquake", "fire"] as const;
export type Hazard = (typeof HAZARDS)[number];

/** A scenario in words: its township and hazard, or the district-wide 10 % case. */
export function scenarioName(
  scenario: Pick<Scenario, "areaId" | "hazard">,
  townships: ReadonlyMap<number, string>,
  t: Translate,
): string {
  if (scenario.areaId === null) return t("layout.hazard.district");
  const township = townships.get(scenario.areaId) ?? String(scenario.areaId);
  return `${township} · ${t(`risks.hazard.${scenario.hazard as Hazard}`)}`;
}

export type Confirmation = NonNullable<Advice["confirmation"]>;
