import type { RouterOutputs } from "../../lib/api-types";

/** What the portal's procedures answer: the acting enterprise's own records only. */
export type PortalMe = RouterOutputs["portal"]["me"];
export type PortalAgreement = RouterOutputs["portal"]["agreements"][number];
export type PortalLine = PortalAgreement["lines"][number];
export type PortalSite = RouterOutputs["portal"]["sites"][number];
export type PortalDeclaration = RouterOutputs["portal"]["declarations"]["rows"][number];
export type PortalCalloff = RouterOutputs["portal"]["calloffs"]["rows"][number];

/** A line's units for entering and showing its quantities: the item's base unit and its packs. */
export const unitOfLine = (line: PortalLine) => ({ baseUnit: line.baseUnit ?? "", packs: line.packs });
