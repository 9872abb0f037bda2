import { SearchOutlined, UndoOutlined } from "@ant-design/icons";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Space, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { QuantityText } from "../../components/stock/QuantityText";
import { DocumentTypeTag, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { DocumentSummary, Ownership, ReservationView } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { canReserve } from "../../lib/roles";
import { trpc } from "../../trpc";
import { documentWarehouses } from "../documents/DocumentStatus";
import { type DispatchGroup, groupByDispatch, ReleaseModal } from "./ReleaseModal";
import { ReserveForm } from "./ReserveForm";

/** 预留: set usable stock aside for a dispatch, see what each dispatch still holds, and give it back. */
export function ReservationsPage() {
  const { t, aside } = useI18n();
  const user = useCurrentUser();
  const refs = useStockRefs();
  const [lookup, setLookup] = useState<string | null>(null);
  const [releasing, setReleasing] = useState<DispatchGroup | null>(null);
  const dispatcher = canReserve(user.role);
  const mayReserve = dispatcher && refs.reservable.length > 0;

  const open = useQuery(
    trpc.stock.reservations.queryOptions(lookup ? { dispatchRef: lookup } : {}, { staleTime: 0 }),
  );
  const recent = useQuery(
    trpc.stock.documents.queryOptions({ type: "reserve", pageSize: 20 }, { staleTime: 0 }),
  );
  const byRef = useQuery(
    trpc.stock.documents.queryOptions(lookup ? { dispatchRef: lookup, pageSize: 200 } : skipToken, {
      staleTime: 0,
    }),
  );
  const rows = open.data ?? [];
  const groups = groupByDispatch(rows, (id) => dispatcher && refs.canReserve(id));
  const groupOf = (row: ReservationView) => groups.get(row.dispatchRef) as DispatchGroup;
  /** The dispatch's cells span its rows: shown on its first row, hidden on the others. */
  const spanCell = (row: ReservationView, index: number | undefined) => {
    const previous = index ? rows[index - 1] : undefined;
    return { rowSpan: previous?.dispatchRef === row.dispatchRef ? 0 : groupOf(row).rows.length };
  };

  const reservedColumns: TableColumnsType<ReservationView> = [
    {
      title: t("documents.column.dispatchRef"),
      key: "dispatchRef",
      onCell: spanCell,
      render: (_v, row) => {
        const group = groupOf(row);
        return (
          <Flex vertical align="start" gap={2}>
            <Button
              type="link"
              size="small"
              className="link-inline reservation-ref"
              onClick={() => setLookup(row.dispatchRef)}
              data-testid="reservation-ref"
            >
              {row.dispatchRef}
            </Button>
            <Typography.Text type="secondary" className="cell-code">
              {t("reservations.open.summary", {
                lines: group.rows.length,
                warehouses: group.warehouses.length,
              })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" },
    { title: t("stock.column.item"), dataIndex: "itemName", key: "item" },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("stock.column.reserved"),
      dataIndex: "reserved",
      key: "reserved",
      align: "right",
      render: (v: number, row) => (
        <QuantityText value={v} unit={refs.unitOf(row.itemId, row.baseUnit)} strong testId="reserved-qty" />
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      onCell: spanCell,
      render: (_v, row) => {
        const group = groupOf(row);
        return (
          <Space size={0} wrap>
            <Link to={`/documents?dispatchRef=${encodeURIComponent(row.dispatchRef)}`}>
              {t("reservations.open.documents")}
            </Link>
            {group.warehouses
              .filter((w) => refs.canPost(w.id))
              .map((w) => (
                <Link
                  key={w.id}
                  to={`/stock/post?type=issue&warehouseId=${w.id}&dispatchRef=${encodeURIComponent(row.dispatchRef)}`}
                  data-testid="reservation-issue"
                >
                  {group.warehouses.length > 1
                    ? t("reservations.open.issueIn", { warehouse: w.name })
                    : t("reservations.open.issue")}
                </Link>
              ))}
            {group.releasable.length > 0 && (
              <Button
                type="link"
                size="small"
                danger
                icon={<UndoOutlined />}
                onClick={() => setReleasing(group)}
                data-testid="reservation-release"
              >
                {t("reservations.release.submit")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const documentColumns: TableColumnsType<DocumentSummary> = [
    {
      title: t("documents.column.type"),
      dataIndex: "type",
      key: "type",
      render: (type: string) => <DocumentTypeTag type={type} />,
    },
    {
      title: t("documents.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, doc) => <Link to={`/documents/${doc.id}`}>{number}</Link>,
    },
    {
      title: t("documents.column.dispatchRef"),
      dataIndex: "dispatchRef",
      key: "dispatchRef",
      render: (ref: string | null) =>
        ref ? (
          <Button
            type="link"
            size="small"
            className="link-inline"
            onClick={() => setLookup(ref)}
            data-testid="dispatch-ref-link"
          >
            {ref}
          </Button>
        ) : (
          "—"
        ),
    },
    {
      title: t("documents.column.warehouses"),
      key: "warehouses",
      render: (_v, doc) => documentWarehouses(doc, aside),
    },
    {
      title: t("documents.column.postedAt"),
      dataIndex: "postedAt",
      key: "postedAt",
      render: (v: string) => formatDateTime(v, DATE_TIME_FORMAT),
    },
    {
      title: t("documents.column.postedBy"),
      dataIndex: "postedBy",
      key: "postedBy",
      render: (v: string | null) => v ?? t("audit.system"),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("reservations.title")} subtitle={t("reservations.subtitle")} />
      {mayReserve && (
        <Card title={t("reservations.reserve.title")}>
          <ReserveForm refs={refs} onReserved={setLookup} />
        </Card>
      )}
      <Card
        title={
          lookup ? (
            <Space>
              {t("reservations.open.for", { ref: lookup })}
              <Button type="link" size="small" onClick={() => setLookup(null)} data-testid="reservations-all">
                {t("reservations.open.showAll")}
              </Button>
            </Space>
          ) : (
            t("reservations.open.title")
          )
        }
        extra={
          <Input.Search
            allowClear
            key={lookup ?? ""}
            defaultValue={lookup ?? undefined}
            placeholder={t("reservations.lookup.placeholder")}
            enterButton={<SearchOutlined />}
            onSearch={(v) => setLookup(v.trim() || null)}
            className="filter-wide"
            data-testid="reservations-lookup"
          />
        }
      >
        {open.isError ? (
          <QueryError error={open.error} onRetry={() => open.refetch()} />
        ) : (
          <Table<ReservationView>
            rowKey={(r) => `${r.dispatchRef}-${r.warehouseId}-${r.lotId}-${r.ownership}`}
            size="small"
            columns={reservedColumns}
            dataSource={rows}
            loading={open.isFetching || refs.loading}
            pagination={false}
            scroll={{ x: "max-content" }}
            bordered
            locale={{
              emptyText: lookup
                ? t("reservations.open.noneFor", { ref: lookup })
                : t("reservations.current.none"),
            }}
            data-testid="reservations-current"
            onRow={(row) =>
              ({
                "data-testid": "reservation-row",
                "data-ref": row.dispatchRef,
                "data-lot": row.lotCode,
                "data-warehouse": row.warehouseId,
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      {lookup && (
        <Card
          title={t("reservations.lookup.for", { ref: lookup })}
          extra={
            <Link to={`/documents?dispatchRef=${encodeURIComponent(lookup)}`}>
              {t("reservations.lookup.all")}
            </Link>
          }
        >
          {byRef.isError ? (
            <QueryError error={byRef.error} onRetry={() => byRef.refetch()} />
          ) : (
            <Table<DocumentSummary>
              rowKey="id"
              size="small"
              columns={documentColumns}
              dataSource={byRef.data?.rows ?? []}
              loading={byRef.isFetching}
              pagination={false}
              data-testid="reservations-documents"
            />
          )}
        </Card>
      )}
      <Card title={t("reservations.recent.title")}>
        <Table<DocumentSummary>
          rowKey="id"
          size="small"
          columns={documentColumns}
          dataSource={recent.data?.rows ?? []}
          loading={recent.isFetching}
          pagination={false}
          data-testid="reservations-recent"
        />
      </Card>
      {releasing && <ReleaseModal group={releasing} onClose={() => setReleasing(null)} />}
    </Flex>
  );
}
