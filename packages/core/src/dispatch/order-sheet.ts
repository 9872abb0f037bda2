import type { DbOrTx } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildDispatchOrderSheet, dispatchOrderFileName } from "@relief/sheets";
import type { FileDownload } from "../areas/population-sheet";
import { itemsWithPacks } from "../items/packs";
import { localDateTime } from "../time";
import { getOrder } from "./orders";

const when = (at: string | null) => (at ? localDateTime(at) : "");
const withPhone = (name: string, phone: string) => [name, phone].filter(Boolean).join(" ");

/**
 * 调拨单 as .xlsx: the order as `dispatch.order` reads it, labels in Chinese from the catalog, times in district
 * time, each line's quantity in base units with the packs of the item beside it.
 */
export function exportOrder(db: DbOrTx, orderId: number): FileDownload {
  const order = getOrder(db, orderId);
  const packs = itemsWithPacks(
    db,
    order.lines.map((l) => l.itemId),
  );
  const area = order.area.townshipName ? `${order.area.townshipName} ${order.area.name}` : order.area.name;
  return {
    fileName: dispatchOrderFileName(order.number),
    content: buildDispatchOrderSheet({
      number: order.number,
      drill: order.drill,
      status: zh(msg(`orders.status.${order.status}`)),
      incident: `${order.incidentNumber} ${order.incidentTitle}`,
      authority: order.authority,
      authorityRef: order.authorityRef,
      issuingUnit: order.issuingUnit,
      sourceWarehouse: `${order.sourceWarehouse.code} ${order.sourceWarehouse.name}`,
      area,
      receiver: withPhone(order.receiverName, order.receiverPhone),
      purpose: order.purpose,
      vehicle: order.vehicleLabel,
      trip: order.trip,
      plate: order.plate,
      driver: withPhone(order.driver, order.driverPhone),
      requiredBy: when(order.requiredBy),
      plannedDepartAt: when(order.plannedDepartAt),
      plannedArrivalAt: when(order.plannedArrivalAt),
      departedAt: when(order.departedAt),
      receivedAt: when(order.receivedAt),
      signer: order.signer ?? "",
      cancelReason: order.cancelReason ?? "",
      lines: order.lines.map((line) => ({
        itemCode: line.itemCode,
        itemName: line.itemName,
        specification: line.specification,
        lotCode: line.lotCode ?? "",
        calloffNumber: line.calloffNumber,
        baseUnit: line.unit,
        quantity: line.quantity,
        packs: packs.get(line.itemId)?.packs ?? [],
        receivedQuantity: line.receivedQuantity,
        shortfall:
          line.discrepancyQuantity && line.discrepancyOutcome
            ? {
                quantity: line.discrepancyQuantity,
                outcome: zh(msg(`orders.discrepancy.${line.discrepancyOutcome}`)),
                reason: line.discrepancyReason ?? "",
              }
            : null,
        note: line.note ?? "",
      })),
    }),
  };
}
