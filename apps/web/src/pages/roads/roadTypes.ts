import type { RoadStatus } from "@relief/domain";
import type { RouterInputs, RouterOutputs } from "../../lib/api-types";

export {
  CROSSINGS,
  type Crossing,
  type KmBasis,
  ROAD_CLASSES,
  ROAD_NODE_KINDS,
  ROAD_STATUSES,
  type RoadClass,
  type RoadNodeKind,
  type RoadStatus,
} from "@relief/domain";

export type RoadEdge = RouterOutputs["roads"]["edges"]["rows"][number];
export type RoadNode = RouterOutputs["roads"]["list"]["nodes"][number];
export type RoadEvent = RouterOutputs["roads"]["history"]["rows"][number];
export type RoadEdgeInput = RouterInputs["roads"]["createEdge"];
export type RoadNodeInput = RouterInputs["roads"]["createNode"];

export const STATUS_COLOR: Record<RoadStatus, string> = { open: "green", closed: "red", slow: "orange" };
