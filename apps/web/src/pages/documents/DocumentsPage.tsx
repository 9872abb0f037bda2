import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useEffect } from "react";
import { Link, useSearchParams } from "react-router";
import { QueryError } from "../../components/QueryError";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { DocumentTypeTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { DOCUMENT_TYPES, type DocumentSummary, type DocumentsQuery } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { DocumentStatusTags, documentWarehouses, useDocumentReason } from "./DocumentStatus";

interface FilterValues {
  warehouseId?: number;
  type?: string;
  dispatchRef?: string;
  search?: string;
}

const DEFAULT_PAGE_SIZE = 20;

function readQuery(
  params: URLSearchParams,
): Required<Pick<DocumentsQuery, "page" | "pageSize">> & DocumentsQuery {
  const warehouseId = Number(params.get("warehouseId"));
  const page = Number(params.get("page"));
  const pageSize = Number(params.get("pageSize"));
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    ...(warehouseId > 0 && { warehouseId }),
    type: text("type"),
    dispatchRef: text("dispatchRef"),
    search: text("search"),
    page: page > 0 ? page : 1,
    pageSize: [20, 50, 100, 200].includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** 单据: every posted stock document, newest first, filtered and paged on the server. */
export function DocumentsPage() {
  const { t } = useI18n();
  const refs = useStockRefs();
  const reasonOf = useDocumentReason();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  const filters = readQuery(params);
  const query = useQuery(
    trpc.stock.documents.queryOptions(filters, { placeholderData: keepPreviousData, staleTime: 0 }),
  );

  // The form follows the address (links from other pages set filters).
  useEffect(() => {
    form.setFieldsValue({
      warehouseId: filters.warehouseId,
      type: filters.type,
      dispatchRef: filters.dispatchRef,
      search: filters.search,
    });
  }, [form, filters.warehouseId, filters.type, filters.dispatchRef, filters.search]);

  const apply = (values: FilterValues, page = 1, pageSize = filters.pageSize) => {
    const next = new URLSearchParams();
    if (values.warehouseId) next.set("warehouseId", String(values.warehouseId));
    for (const key of ["type", "dispatchRef", "search"] as const) {
      const value = values[key]?.trim();
      if (value) next.set(key, value);
    }
    if (page > 1) next.set("page", String(page));
    if (pageSize !== DEFAULT_PAGE_SIZE) next.set("pageSize", String(pageSize));
    setParams(next);
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
      render: (_v, doc) => documentWarehouses(doc),
    },
    {
      title: t("documents.column.reason"),
      key: "reason",
      render: (_v, doc) => reasonOf(doc) ?? "—",
    },
    {
      title: t("documents.column.reference"),
      dataIndex: "reference",
      key: "reference",
      render: (v: string | null) => v ?? "—",
    },
    {
      title: t("documents.column.dispatchRef"),
      dataIndex: "dispatchRef",
      key: "dispatchRef",
      render: (v: string | null) => v ?? "—",
    },
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
      render: (_v, doc) => <DocumentStatusTags doc={doc} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} className="page-title">
          {t("documents.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("documents.subtitle")}</Typography.Text>
      </div>
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
              className="filter-narrow"
              placeholder={t("documents.filter.allTypes")}
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
                  apply({});
                }}
              >
                {t("common.reset")}
              </Button>
              <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
                {t("common.refresh")}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
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
          data-testid="documents-table"
          onRow={(doc) =>
            ({
              "data-testid": "document-row",
              "data-number": doc.number,
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("audit.total", { total }),
            onChange: (page, pageSize) => apply(filters, pageSize === filters.pageSize ? page : 1, pageSize),
          }}
        />
      )}
    </Flex>
  );
}
