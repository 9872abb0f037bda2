import { CheckOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Badge,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { DocumentTypeTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { DOCUMENT_TYPES, type DocumentSummary, type DocumentsQuery } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { DocumentStatusTags, documentWarehouses, useDocumentReason } from "./DocumentStatus";

interface FilterValues {
  warehouseId?: number;
  type?: string;
  dispatchRef?: string;
  search?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Tab = "all" | "awaiting";

/** The list's filters as the address carries them (`awaiting=1`: the 待签收 tab). */
function readFilters(params: URLSearchParams): DocumentsQuery {
  const warehouseId = Number(params.get("warehouseId"));
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const date = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const awaiting = params.get("awaiting") === "1";
  return {
    ...(warehouseId > 0 && { warehouseId }),
    // Awaiting receipt means sent transfers: another type would only empty the list.
    type: awaiting ? undefined : text("type"),
    dispatchRef: text("dispatchRef"),
    search: text("search"),
    from: date("from"),
    to: date("to"),
    ...(awaiting && { awaitingReceipt: true }),
  };
}

/** 单据: every posted stock document, newest first, filtered and paged on the server. */
export function DocumentsPage() {
  const { t, aside } = useI18n();
  const refs = useStockRefs();
  const reasonOf = useDocumentReason();
  const list = useUrlListState({ defaultPageSize: 20 });
  const [form] = Form.useForm<FilterValues>();
  const filters = readFilters(list.params);
  const tab: Tab = filters.awaitingReceipt ? "awaiting" : "all";
  const query = useQuery(
    trpc.stock.documents.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  // How many transfers wait for receipt under the same warehouse and dates, for the tab's badge.
  const awaiting = useQuery(
    trpc.stock.documents.queryOptions(
      {
        warehouseId: filters.warehouseId,
        dispatchRef: filters.dispatchRef,
        search: filters.search,
        from: filters.from,
        to: filters.to,
        awaitingReceipt: true,
        pageSize: 1,
      },
      { staleTime: 0 },
    ),
  );

  // The form follows the address (links from other pages set filters).
  useEffect(() => {
    form.setFieldsValue({
      warehouseId: filters.warehouseId,
      type: filters.type,
      dispatchRef: filters.dispatchRef,
      search: filters.search,
      range: [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null],
    });
  }, [
    form,
    filters.warehouseId,
    filters.type,
    filters.dispatchRef,
    filters.search,
    filters.from,
    filters.to,
  ]);

  /** Sets every filter and the tab, back on page 1; the 待签收 tab drops the type. */
  const write = (values: FilterValues, nextTab: Tab) => {
    const [from, to] = values.range ?? [];
    list.setFilters({
      warehouseId: values.warehouseId,
      type: nextTab === "awaiting" ? undefined : values.type?.trim(),
      dispatchRef: values.dispatchRef?.trim(),
      search: values.search?.trim(),
      from: from?.format("YYYY-MM-DD"),
      to: to?.format("YYYY-MM-DD"),
      awaiting: nextTab === "awaiting",
    });
  };
  const apply = (values: FilterValues) => write(values, tab);
  /** The filters as they stand in the address, for switching tabs. */
  const current: FilterValues = {
    ...filters,
    range: [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null],
  };

  const columns: TableColumnsType<DocumentSummary> = [
    {
      title: t("documents.column.type"),
      dataIndex: "type",
      key: "type",
      width: 110,
      render: (type: string) => <DocumentTypeTag type={type} />,
    },
    {
      title: t("documents.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, doc) => (
        <Link to={`/documents/${doc.id}`} data-testid="document-link">
          {number}
        </Link>
      ),
    },
    {
      title: t("documents.column.warehouses"),
      key: "warehouses",
      render: (_v, doc) => documentWarehouses(doc, aside),
    },
    // Transfers have neither a reason nor a dispatch: the 待签收 tab leaves both columns out.
    ...(tab === "awaiting"
      ? []
      : [
          {
            title: t("documents.column.reason"),
            key: "reason",
            render: (_v: unknown, doc: DocumentSummary) => reasonOf(doc) ?? "—",
          },
        ]),
    {
      title: t("documents.column.reference"),
      dataIndex: "reference",
      key: "reference",
      render: (v: string | null) => v ?? "—",
    },
    ...(tab === "awaiting"
      ? []
      : [
          {
            title: t("documents.column.dispatchRef"),
            dataIndex: "dispatchRef",
            key: "dispatchRef",
            render: (v: string | null) => v ?? "—",
          },
        ]),
    { title: t("documents.column.lines"), dataIndex: "lineCount", key: "lines", align: "right" },
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
    {
      title: t("documents.column.status"),
      key: "status",
      render: (_v, doc) => (
        <Space size={4} wrap>
          <DocumentStatusTags doc={doc} />
          {tab === "awaiting" && filters.warehouseId && (
            <Tag data-testid="awaiting-direction">
              {t(
                doc.counterpartWarehouseId === filters.warehouseId
                  ? "documents.awaiting.incoming"
                  : "documents.awaiting.outgoing",
              )}
            </Tag>
          )}
        </Space>
      ),
    },
    ...(tab === "awaiting"
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, doc: DocumentSummary) =>
              refs.canPost(doc.counterpartWarehouseId) ? (
                <Link to={`/documents/${doc.id}`} data-testid="awaiting-receive">
                  <CheckOutlined /> {t("documents.receive.action")}
                </Link>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("documents.title")} subtitle={t("documents.subtitle")} />
      <Card size="small">
        <Form<FilterValues>
          form={form}
          layout="inline"
          name="document-filters"
          onFinish={(v) => apply(v)}
          className="stock-filters"
        >
          <Form.Item name="warehouseId" label={t("stock.column.warehouse")}>
            <WarehouseSelect
              allowClear
              className="filter-wide"
              warehouses={refs.warehouses}
              placeholder={t("stock.filter.allWarehouses")}
              data-testid="documents-filter-warehouse"
            />
          </Form.Item>
          <Form.Item name="type" label={t("documents.column.type")}>
            <Select
              allowClear
              disabled={tab === "awaiting"}
              className="filter-narrow"
              placeholder={t(tab === "awaiting" ? "documentType.transfer_out" : "documents.filter.allTypes")}
              options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`documentType.${value}`) }))}
              data-testid="documents-filter-type"
            />
          </Form.Item>
          <Form.Item name="dispatchRef" label={t("documents.column.dispatchRef")}>
            <Input
              allowClear
              maxLength={60}
              className="filter-narrow"
              data-testid="documents-filter-dispatch"
            />
          </Form.Item>
          <Form.Item name="search" label={t("documents.filter.search")}>
            <Input
              allowClear
              maxLength={60}
              className="filter-wide"
              placeholder={t("documents.filter.searchPlaceholder")}
              data-testid="documents-filter-search"
            />
          </Form.Item>
          <Form.Item name="range" label={t("documents.filter.postedOn")}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t("documents.filter.from"), t("documents.filter.to")]}
              data-testid="documents-filter-range"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SearchOutlined />}
                data-testid="documents-search"
              >
                {t("common.search")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  write({}, tab);
                }}
              >
                {t("common.reset")}
              </Button>
              <RefreshButton query={query} />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Tabs
        className="documents-tabs"
        activeKey={tab}
        onChange={(key) => write(current, key === "awaiting" ? "awaiting" : "all")}
        items={[
          { key: "all", label: <span data-testid="documents-tab-all">{t("documents.tab.all")}</span> },
          {
            key: "awaiting",
            label: (
              <Space size={6} data-testid="documents-tab-awaiting">
                {t("documents.tab.awaiting")}
                <Badge
                  count={awaiting.data?.total ?? 0}
                  color="orange"
                  overflowCount={999}
                  data-testid="documents-awaiting-count"
                />
              </Space>
            ),
          },
        ]}
      />
      {tab === "awaiting" && (
        <Typography.Text type="secondary" data-testid="documents-awaiting-hint">
          {t(filters.warehouseId ? "documents.awaiting.hintWarehouse" : "documents.awaiting.hint")}
        </Typography.Text>
      )}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<DocumentSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          scroll={{ x: "max-content" }}
          locale={tab === "awaiting" ? { emptyText: t("documents.awaiting.none") } : undefined}
          data-testid="documents-table"
          onRow={(doc) =>
            ({
              "data-testid": "document-row",
              "data-number": doc.number,
            }) as React.HTMLAttributes<HTMLElement>
          }
          {...list.tableProps<DocumentSummary>(query.data?.total)}
        />
      )}
    </Flex>
  );
}
