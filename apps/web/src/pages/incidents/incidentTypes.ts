import type { RouterInputs, RouterOutputs } from "../../lib/api-types";

export type IncidentDetail = RouterOutputs["incidents"]["get"];
export type IncidentSummary = RouterOutputs["incidents"]["list"]["rows"][number];
export type IncidentAreaFigures = IncidentDetail["areas"][number];
export type IncidentReport = IncidentDetail["reports"][number];
export type PackageLine = IncidentDetail["package"][number];
export type Need = RouterOutputs["incidents"]["needs"][number];
export type IncidentType = IncidentDetail["type"];
export type IncidentStatus = IncidentDetail["status"];
export type ReportKind = IncidentReport["kind"];
export type IncidentProgress = RouterOutputs["incidents"]["progress"];
export type AreaProgress = IncidentProgress["areas"][number];
export type ProgressFigures = IncidentProgress["items"][number];
export type IncidentSummaryReport = RouterOutputs["incidents"]["summary"];
export type IncidentAreaInput = RouterInputs["incidents"]["create"]["areas"][number];

export { INCIDENT_STATUSES, INCIDENT_TYPES, RELIEF_DEADLINE_HOURS } from "@relief/domain";
