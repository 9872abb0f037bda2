import { PlayCircleOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { FormFailureAlert, useFormFailure } from "../../components/FormFailure";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { invalidateStock } from "../../components/stock/invalidate";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { CountStatusTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { CountStatus, CountSummary } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { trpc } from "../../trpc";

interface OpenValues {
  warehouseId?: number;
  note?: string;
}

const OPEN_FIELDS = ["warehouseId", "note"] as const;

/** 盘点: the stocktakes of every warehouse, open ones first, and starting a new one. */
export function CountsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const [warehouseId, setWarehouseId] = useState<number | undefined>();
  const query = useQuery(trpc.stock.counts.queryOptions({ warehouseId }, { staleTime: 0 }));
  const [form] = Form.useForm<OpenValues>();
  const { failure, fail, clear } = useFormFailure(form, OPEN_FIELDS);
  const open = useMutation(
    trpc.stock.openCount.mutationOptions({
      onSuccess: (count) => {
        void invalidateStock();
        navigate(`/counts/${count.id}`);
      },
      onError: fail,
    }),
  );
  // The server lists open counts first, newest first within each status.
  const counts = query.data ?? [];

  const columns: TableColumnsType<CountSummary> = [
    {
      title: t("counts.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, count) => (
        <Link to={`/counts/${count.id}`} data-testid="count-link">
          {number}
        </Link>
      ),
    },
    { title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" },
    {
      title: t("counts.column.status"),
      dataIndex: "status",
      key: "status",
      render: (status: CountStatus) => <CountStatusTag status={status} />,
    },
    {
      title: t("counts.column.openedAt"),
      dataIndex: "openedAt",
      key: "openedAt",
      render: (v: string) => formatDateTime(v, DATE_TIME_FORMAT),
    },
    {
      title: t("counts.column.openedBy"),
      dataIndex: "openedBy",
      key: "openedBy",
      render: (v: string | null) => v ?? "—",
    },
    {
      title: t("counts.column.closedAt"),
      dataIndex: "closedAt",
      key: "closedAt",
      render: (v: string | null) => formatDateTime(v, DATE_TIME_FORMAT),
    },
    {
      title: t("counts.column.adjustment"),
      dataIndex: "adjustmentDocumentId",
      key: "adjustment",
      render: (id: number | null, count) =>
        id ? (
          <Link to={`/documents/${id}`} data-testid="count-adjustment-link">
            {count.adjustmentNumber ?? t("counts.viewAdjustment")}
          </Link>
        ) : (
          "—"
        ),
    },
    {
      title: t("posting.note"),
      dataIndex: "note",
      key: "note",
      render: (v: string | null) => v ?? "—",
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("counts.title")} subtitle={t("counts.subtitle")} />
      <Alert
        type="info"
        showIcon
        title={t("counts.rule")}
        description={t("counts.ruleDetail")}
        data-testid="counts-rule"
      />
      {refs.postable.length > 0 && (
        <Card size="small" title={t("counts.open.title")}>
          <FormFailureAlert failure={failure} />
          <Form<OpenValues>
            form={form}
            layout="inline"
            name="open-count"
            className="stock-filters"
            onFinish={(values) => {
              clear();
              open.mutate({ warehouseId: values.warehouseId ?? 0, note: values.note?.trim() || undefined });
            }}
          >
            <Form.Item
              name="warehouseId"
              label={t("stock.column.warehouse")}
              rules={[{ required: true, message: t("posting.warehouseRequired") }]}
            >
              <WarehouseSelect
                className="filter-wide"
                warehouses={refs.postable}
                data-testid="count-open-warehouse"
              />
            </Form.Item>
            <Form.Item name="note" label={t("posting.note")}>
              <Input maxLength={500} className="filter-wide" />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlayCircleOutlined />}
                loading={open.isPending}
                data-testid="count-open"
              >
                {t("counts.open.submit")}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card
        size="small"
        title={t("counts.list")}
        extra={
          <WarehouseSelect
            allowClear
            className="filter-wide"
            warehouses={refs.warehouses}
            value={warehouseId}
            onChange={setWarehouseId}
            placeholder={t("stock.filter.allWarehouses")}
          />
        }
      >
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Table<CountSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={counts}
            loading={query.isFetching}
            pagination={counts.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("counts.none") }}
            data-testid="counts-table"
          />
        )}
      </Card>
    </Flex>
  );
}
