import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useCurrentUser } from "../../auth/current-user";
import type { ItemView, WarehouseView } from "../../lib/api-types";
import type { UnitInfo } from "../../lib/quantity";
import { canPostIn, canReserveIn, canSetLotStatus } from "../../lib/roles";
import { trpc } from "../../trpc";

export interface StockRefs {
  items: ItemView[];
  warehouses: WarehouseView[];
  item(id: number | null | undefined): ItemView | undefined;
  warehouse(id: number | null | undefined): WarehouseView | undefined;
  /** The item's units; without the catalog loaded, the base unit alone. */
  unitOf(itemId: number, baseUnit?: string): UnitInfo;
  /** Whether the signed-in user may post stock in the warehouse. */
  canPost(warehouseId: number | null | undefined): boolean;
  canReserve(warehouseId: number | null | undefined): boolean;
  /** Whether the signed-in user may set the condition of a lot held in these warehouses. */
  canSetLotStatus(holders: readonly number[]): boolean;
  /** Active warehouses the user may post in. */
  postable: WarehouseView[];
  reservable: WarehouseView[];
  loading: boolean;
}

/** The catalog and the warehouse register, which every stock page reads, with what the user may do where. */
export function useStockRefs(): StockRefs {
  const user = useCurrentUser();
  const items = useQuery(trpc.items.list.queryOptions());
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  return useMemo(() => {
    const itemList = items.data ?? [];
    const warehouseList = warehouses.data ?? [];
    const itemsById = new Map(itemList.map((i) => [i.id, i]));
    const warehousesById = new Map(warehouseList.map((w) => [w.id, w]));
    const postable = warehouseList.filter((w) => canPostIn(user, w));
    const reservable = warehouseList.filter((w) => canReserveIn(user, w));
    return {
      items: itemList,
      warehouses: warehouseList,
      item: (id) => (id ? itemsById.get(id) : undefined),
      warehouse: (id) => (id ? warehousesById.get(id) : undefined),
      unitOf(itemId, baseUnit) {
        const item = itemsById.get(itemId);
        return item ?? { baseUnit: baseUnit ?? "", packs: [] };
      },
      canPost(id) {
        const warehouse = id ? warehousesById.get(id) : undefined;
        return !!warehouse && canPostIn(user, warehouse);
      },
      canReserve(id) {
        const warehouse = id ? warehousesById.get(id) : undefined;
        return !!warehouse && canReserveIn(user, warehouse);
      },
      canSetLotStatus: (holders) =>
        canSetLotStatus(
          user.role,
          holders.map((id) => warehousesById.get(id)),
        ),
      postable,
      reservable,
      loading: items.isPending || warehouses.isPending,
    };
  }, [items.data, items.isPending, warehouses.data, warehouses.isPending, user]);
}
