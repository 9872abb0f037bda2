import { Table } from "antd";
import type { Key } from "react";
import type { AreaItem } from "../../lib/api-types";
import { type AreaActions, useAreaColumns } from "./areaColumns";
import { VillageTable } from "./VillageTable";

interface AreaTableProps extends AreaActions {
  /** The district and its townships, as `areas.list` answers them. */
  areas: readonly AreaItem[];
  expandedKeys: readonly Key[];
  onExpandedChange: (keys: readonly Key[]) => void;
}

/**
 * The district and its townships; a township with villages opens onto them, read from the server a page at
 * a time, so the register's thousands of villages never travel at once.
 */
export function AreaTable({ areas, expandedKeys, onExpandedChange, ...actions }: AreaTableProps) {
  const columns = useAreaColumns<AreaItem>(actions, (area) => (area.level === "township" ? area : null));
  return (
    <Table<AreaItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={areas as AreaItem[]}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="areas-table"
      rowClassName={(area) => `area-row area-row-${area.level}`}
      onRow={(area) =>
        ({
          "data-testid": `area-row-${area.id}`,
          "data-level": area.level,
        }) as React.HTMLAttributes<HTMLElement>
      }
      expandable={{
        expandedRowKeys: [...expandedKeys],
        onExpandedRowsChange: onExpandedChange,
        rowExpandable: (area) => area.level === "township" && area.childCount > 0,
        expandedRowRender: (area) => <VillageTable townshipId={area.id} {...actions} />,
      }}
    />
  );
}
