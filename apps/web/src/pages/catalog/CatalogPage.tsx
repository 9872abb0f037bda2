import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Flex, Input, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { ItemView } from "../../lib/api-types";
import { categoryLabel } from "../../lib/coverage";
import { formatDecimal } from "../../lib/format";
import { canEditCatalog } from "../../lib/roles";
import { trpc } from "../../trpc";
import { ItemFormModal } from "./ItemFormModal";

type Dialog = { item: ItemView | null } | null;

/** 物资目录: the materials held in reserve, with their units, packs, weights, volumes and shelf lives. */
export function CatalogPage() {
  const { t, formatNumber, locale } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditCatalog(user.role);
  const query = useQuery(trpc.items.list.queryOptions());
  const categories = useQuery(trpc.items.categories.queryOptions());
  const englishNames = new Map((categories.data ?? []).map((c) => [c.id, c.nameEn] as const));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [search, setSearch] = useState("");
  const [categoryId, setCategoryId] = useState<number | undefined>();

  const needle = search.trim().toLowerCase();
  const items = (query.data ?? []).filter(
    (i) =>
      (!categoryId || i.categoryId === categoryId) &&
      (!needle || i.code.toLowerCase().includes(needle) || i.name.toLowerCase().includes(needle)),
  );

  const columns: TableColumnsType<ItemView> = [
    {
      title: t("catalog.column.code"),
      dataIndex: "code",
      key: "code",
      render: (c: string) => <code>{c}</code>,
    },
    {
      title: t("catalog.column.name"),
      dataIndex: "name",
      key: "name",
      render: (name: string) => <span data-testid="item-name">{name}</span>,
    },
    {
      title: t("stock.column.category"),
      dataIndex: "categoryName",
      key: "category",
      render: (name: string, item) =>
        categoryLabel({ name, nameEn: englishNames.get(item.categoryId) }, locale),
    },
    {
      title: t("catalog.column.specification"),
      dataIndex: "specification",
      key: "specification",
      render: (v: string) => v || "—",
    },
    { title: t("catalog.column.baseUnit"), dataIndex: "baseUnit", key: "baseUnit", align: "center" },
    {
      title: t("catalog.column.packs"),
      dataIndex: "packs",
      key: "packs",
      render: (packs: ItemView["packs"], item) =>
        packs.length === 0 ? (
          "—"
        ) : (
          <Space size={4} wrap>
            {packs.map((p) => (
              <Tag key={p.name} data-testid="item-pack">
                1 {p.name} = {formatNumber(p.baseQuantity)} {item.baseUnit}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t("catalog.column.kg"),
      dataIndex: "kgPerUnit",
      key: "kg",
      align: "right",
      render: (v: number) => formatDecimal(v, locale, 3),
    },
    {
      title: t("catalog.column.m3"),
      dataIndex: "m3PerUnit",
      key: "m3",
      align: "right",
      render: (v: number) => formatDecimal(v, locale, 4),
    },
    {
      title: t("catalog.column.shelfLife"),
      dataIndex: "shelfLifeMonths",
      key: "shelfLife",
      align: "right",
      render: (v: number | null) => (v ? t("catalog.months", { months: v }) : t("catalog.noShelfLife")),
    },
    {
      title: t("catalog.column.active"),
      dataIndex: "active",
      key: "active",
      render: (active: boolean) => (
        <Badge status={active ? "success" : "default"} text={t(active ? "users.active" : "users.inactive")} />
      ),
    },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, item: ItemView) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog({ item })}
                data-testid={`item-edit-${item.code}`}
              >
                {t("common.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("catalog.title")}
        subtitle={t("catalog.subtitle")}
        extra={
          <Space wrap>
            <Select<number>
              allowClear
              className="filter-narrow"
              placeholder={t("stock.filter.allCategories")}
              value={categoryId}
              onChange={setCategoryId}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryLabel(c, locale) }))}
            />
            <Input.Search
              allowClear
              className="filter-wide"
              placeholder={t("catalog.search")}
              onChange={(e) => setSearch(e.target.value)}
            />
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ item: null })}
                data-testid="item-create"
              >
                {t("catalog.create")}
              </Button>
            )}
          </Space>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<ItemView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={query.isPending}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="catalog-table"
          onRow={(item) =>
            ({ "data-testid": "item-row", "data-code": item.code }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {dialog && <ItemFormModal item={dialog.item} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
