import type { AppRouter } from "@relief/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** The server's own value lists and rules, from the domain package it declares them in. */
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CALLOFF_STATUSES,
  CREDIT_EVENT_KINDS,
  DEFAULT_OWNERSHIP,
  DOCUMENT_TYPES,
  type DocumentType,
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  FLEET_VEHICLE_TYPES,
  ISSUE_REASONS,
  isDocumentType,
  LOT_STATUSES,
  MAX_VEHICLE_PAYLOAD_KG,
  MAX_VEHICLE_VOLUME_M3,
  normalizePlate,
  OWNERSHIPS,
  PLATE_EXAMPLES,
  POPULATION_BASES,
  RECEIPT_KINDS,
  ROLES,
  STOCK_COUNT_STATUSES as COUNT_STATUSES,
  TRUCK_CLASSES,
  VEHICLE_OWNERS,
  VEHICLE_STATUSES,
  VEHICLE_TYPES,
  WAREHOUSE_KINDS,
} from "@relief/domain";

/** Shapes of what the API returns and accepts, read from the router's types (nothing of it runs in the browser). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type CurrentUser = RouterOutputs["auth"]["me"];
export type Role = CurrentUser["role"];
export type UserItem = RouterOutputs["users"]["list"][number];

export type AreasOverview = RouterOutputs["areas"]["list"];
export type AreaItem = AreasOverview["areas"][number];
export type VillageRow = RouterOutputs["areas"]["villages"]["rows"][number];
/** One area as the forms edit it, without the register's sums over its children. */
export type AreaRecord = Omit<AreaItem, "childrenPopulation" | "childCount">;
export type AreaKind = AreaItem["kind"];
export type AreaLevel = AreaItem["level"];
export type PopulationBasis = AreaItem["populationBasis"];
export type PopulationImportResult = RouterOutputs["areas"]["importPopulation"];

export type AuditPage = RouterOutputs["audit"]["list"];
export type AuditItem = AuditPage["rows"][number];
export type AuditQuery = RouterInputs["audit"]["list"];

export type ItemView = RouterOutputs["items"]["list"][number];
export type ItemCategory = RouterOutputs["items"]["categories"][number];
export type ItemInput = RouterInputs["items"]["create"];

export type WarehouseView = RouterOutputs["warehouses"]["list"][number];
export type WarehouseKind = WarehouseView["kind"];
export type WarehouseInput = RouterInputs["warehouses"]["create"];

export type EnterpriseView = RouterOutputs["enterprises"]["list"]["rows"][number];
export type EnterpriseOption = RouterOutputs["enterprises"]["options"][number];
export type EnterpriseKind = EnterpriseView["kind"];
export type EnterpriseStatus = EnterpriseView["status"];
export type EnterpriseInput = RouterInputs["enterprises"]["create"];

export type BalancesPage = RouterOutputs["stock"]["balances"];
export type BalanceRow = BalancesPage["rows"][number];
export type BalancesQuery = Extract<RouterInputs["stock"]["balances"], object>;
export type BalanceSort = NonNullable<BalancesQuery["sort"]>;
export type ItemTotalRow = RouterOutputs["stock"]["itemTotals"]["rows"][number];
export type ItemTotalSort = NonNullable<Extract<RouterInputs["stock"]["itemTotals"], object>["sort"]>;
export type Ownership = BalanceRow["ownership"];
export type LotStatus = BalanceRow["lotStatus"];

export type DocumentsQuery = Extract<RouterInputs["stock"]["documents"], object>;
export type DocumentSummary = RouterOutputs["stock"]["documents"]["rows"][number];
export type DocumentDetail = RouterOutputs["stock"]["document"];
export type DocumentLine = DocumentDetail["lines"][number];
export type PostedDocument = RouterOutputs["stock"]["receive"];

export type ReceiveInput = RouterInputs["stock"]["receive"];
export type ReceiptKind = ReceiveInput["source"]["kind"];
export type IssueInput = RouterInputs["stock"]["issue"];
export type IssueReason = IssueInput["reason"];
export type TransferInput = RouterInputs["stock"]["transfer"];
export type AdjustInput = RouterInputs["stock"]["adjust"];
export type ReserveInput = RouterInputs["stock"]["reserve"];

export type StockCard = RouterOutputs["stock"]["card"];
export type StockCardRow = StockCard["rows"][number];
export type CardQuery = RouterInputs["stock"]["card"];

export type ExpiryRow = RouterOutputs["stock"]["expiry"]["rows"][number];
export type ExpirySort = NonNullable<Extract<RouterInputs["stock"]["expiry"], object>["sort"]>;
export type RotationRow = RouterOutputs["stock"]["rotation"]["rows"][number];
export type ExplainQuery = RouterInputs["stock"]["explain"];
export type StockExplanation = RouterOutputs["stock"]["explain"];

export type LotView = RouterOutputs["stock"]["lots"]["rows"][number];
export type LotSort = NonNullable<Extract<RouterInputs["stock"]["lots"], object>["sort"]>;

/** The keys of a record naming every value of a server enum once (one missing or extra fails the typecheck). */
const keysOf = <K extends string>(keys: Record<K, true>) => Object.keys(keys) as K[];
export const BALANCE_SORTS = keysOf<BalanceSort>({
  warehouse: true,
  item: true,
  lot: true,
  ownership: true,
  expiry: true,
  onHand: true,
  reserved: true,
  onHold: true,
  inTransit: true,
  available: true,
});
export const ITEM_TOTAL_SORTS = keysOf<ItemTotalSort>({
  item: true,
  warehouses: true,
  lots: true,
  onHand: true,
  reserved: true,
  onHold: true,
  inTransit: true,
  available: true,
  nearestExpiry: true,
});
export const EXPIRY_SORTS = keysOf<ExpirySort>({ expiry: true, warehouse: true, item: true, onHand: true });
export const LOT_SORTS = keysOf<LotSort>({
  item: true,
  lot: true,
  production: true,
  expiry: true,
  status: true,
});
export type ReservationView = RouterOutputs["stock"]["reservations"][number];

export type AdjustmentReason = RouterOutputs["stock"]["reasons"][number];
export type VerifyResult = RouterOutputs["stock"]["verify"];
export type CountSummary = RouterOutputs["stock"]["counts"][number];
export type CountDetail = RouterOutputs["stock"]["count"];
export type CountLine = CountDetail["lines"][number];
export type CountStatus = CountSummary["status"];
export type ReceiptImportResult = RouterOutputs["stock"]["importReceipts"];

/** An enterprise of the register without the list's credit and agreement figures (what the form edits). */
export type EnterpriseRecord = Omit<
  EnterpriseView,
  "areaName" | "grade" | "score" | "flagged" | "agreementsInForce" | "agreementsExpiring"
>;
export type EnterpriseDetail = RouterOutputs["enterprises"]["get"];
export type CreditRecord = EnterpriseDetail["credit"];
export type CreditGrade = CreditRecord["grade"];
export type CreditEventView = EnterpriseDetail["creditEvents"][number];
export type CreditEventKind = CreditEventView["kind"];

export type AgreementView = RouterOutputs["agreements"]["list"]["rows"][number];
export type AgreementKind = AgreementView["kind"];
export type AgreementStatus = AgreementView["status"];
export type AgreementLineView = AgreementView["lines"][number];
export type LineFlag = AgreementLineView["flags"][number];
export type VehicleType = NonNullable<AgreementLineView["vehicleType"]>;
export type AgreementDetail = RouterOutputs["agreements"]["get"];
export type DeclarationView = RouterOutputs["agreements"]["declarations"]["rows"][number];
export type VerificationView = RouterOutputs["agreements"]["verifications"]["rows"][number];
export type CalloffView = RouterOutputs["agreements"]["calloffs"]["rows"][number];
export type CalloffStatus = CalloffView["status"];
export type AgreementInput = RouterInputs["agreements"]["create"];
export type AgreementsQuery = Extract<RouterInputs["agreements"]["list"], object>;
export type AgreementSort = NonNullable<AgreementsQuery["sort"]>;
export const AGREEMENT_SORTS = keysOf<AgreementSort>({
  endDate: true,
  startDate: true,
  number: true,
  enterprise: true,
});
export type HomeDashboard = RouterOutputs["coverage"]["dashboard"];

export type VehiclePage = RouterOutputs["vehicles"]["list"];
export type VehicleView = VehiclePage["rows"][number];
export type FleetVehicleType = VehicleView["type"];
export type VehicleStatus = VehicleView["status"];
export type VehicleOwner = VehicleView["owner"];
export type VehicleInput = RouterInputs["vehicles"]["create"];
export type VehicleFormOptions = RouterOutputs["vehicles"]["options"];
