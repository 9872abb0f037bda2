import { Table, type TableColumnsType } from "antd";
import { useI18n } from "../i18n";
import type { ErrorIssue } from "../lib/errors";

/** Every problem of a rejected spreadsheet: row, column and what is wrong. */
export function ImportIssueTable({ issues }: { issues: ErrorIssue[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ErrorIssue & { key: number }> = [
    {
      title: t("import.row"),
      dataIndex: "row",
      key: "row",
      width: 80,
      render: (row?: number) => row ?? "—",
    },
    {
      title: t("import.column"),
      dataIndex: "column",
      key: "column",
      width: 140,
      render: (c?: string) => c ?? "—",
    },
    { title: t("import.problem"), dataIndex: "message", key: "message" },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={issues.map((issue, key) => ({ ...issue, key }))}
      pagination={issues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="import-issues"
      className="import-issues"
    />
  );
}
