import { EditOutlined, PhoneOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Flex,
  Input,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { FlaggedMark, GradeTag } from "../../components/agreements/AgreementTags";
import { CodeFilter } from "../../components/CodeFilter";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import {
  ENTERPRISE_KINDS,
  type EnterpriseKind,
  type EnterpriseRecord,
  type EnterpriseStatus,
  type EnterpriseView,
} from "../../lib/api-types";
import { canEditEnterprises } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { EnterpriseFormModal } from "./EnterpriseFormModal";
import { EnterpriseKindTag } from "./EnterpriseKindTag";

type Dialog = { enterprise: EnterpriseRecord | null };

const SORTS = ["name", "creditCode"] as const;

/**
 * 企业: the partner enterprises of the commerce reserve, how to reach them, which are key suppliers, their
 * credit grade and how many agreements they hold.
 */
export function EnterprisesPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditEnterprises(user.role);
  const list = useUrlListState({ sorts: SORTS, defaultSort: "name", defaultPageSize: 50 });
  const kind = list.code("kind", ENTERPRISE_KINDS);
  const search = list.params.get("search")?.trim() || undefined;
  const query = useQuery(
    trpc.enterprises.list.queryOptions(
      { kind, search, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const table = list.tableProps(query.data?.total);

  const columns: TableColumnsType<EnterpriseView> = [
    {
      title: t("enterprises.column.name"),
      key: "name",
      fixed: "left",
      sorter: true,
      sortOrder: list.sortOrder("name"),
      render: (_v, e) => (
        <Flex vertical>
          <Space size={6} wrap>
            <Link to={`/enterprises/${e.id}`} data-testid="enterprise-name">
              {e.name}
            </Link>
            {e.flagged && <FlaggedMark />}
            {e.keySupplier && (
              <Tag color="gold" data-testid="enterprise-key">
                {t("enterprises.keySupplier")}
              </Tag>
            )}
          </Space>
          {e.address && (
            <Typography.Text type="secondary" className="cell-code">
              {e.address}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("enterprises.column.creditCode"),
      dataIndex: "creditCode",
      key: "creditCode",
      sorter: true,
      sortOrder: list.sortOrder("creditCode"),
      render: (code: string) => (
        <span className="credit-code" data-testid="enterprise-code">
          {code}
        </span>
      ),
    },
    {
      title: t("enterprises.column.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (k: EnterpriseKind) => <EnterpriseKindTag kind={k} />,
    },
    {
      title: t("enterprises.column.grade"),
      dataIndex: "grade",
      key: "grade",
      align: "center",
      render: (_v, e) => (
        <span data-testid="enterprise-grade">
          <GradeTag grade={e.grade} score={e.score} />
        </span>
      ),
    },
    {
      title: t("enterprises.column.inForce"),
      dataIndex: "agreementsInForce",
      key: "inForce",
      align: "right",
      render: (n: number) => (
        <span className={n === 0 ? "qty-zero" : undefined} data-testid="enterprise-in-force">
          {n}
        </span>
      ),
    },
    {
      title: t("enterprises.column.expiring"),
      dataIndex: "agreementsExpiring",
      key: "expiring",
      align: "right",
      render: (n: number) => (
        <span className={n === 0 ? "qty-zero" : "expiry-soon"} data-testid="enterprise-expiring">
          {n}
        </span>
      ),
    },
    {
      title: t("enterprises.column.township"),
      dataIndex: "areaName",
      key: "township",
      render: (areaName: string | null) =>
        areaName === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span data-testid="enterprise-township">{areaName}</span>
        ),
    },
    {
      title: t("enterprises.column.contact"),
      key: "contact",
      render: (_v, e) => {
        const [first, ...others] = e.contacts;
        if (!first) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex vertical data-testid="enterprise-contact">
            <span>
              {first.name}
              {first.role && <Typography.Text type="secondary"> · {first.role}</Typography.Text>}
            </span>
            <a href={`tel:${first.mobile.replace(/[^0-9+]/g, "")}`} className="phone-link">
              <PhoneOutlined /> {first.mobile}
            </a>
            {others.length > 0 && (
              <Typography.Text type="secondary" className="cell-code">
                {t("enterprises.moreContacts", { count: others.length })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t("enterprises.column.status"),
      dataIndex: "status",
      key: "status",
      render: (status: EnterpriseStatus) => (
        <Tag color={status === "suspended" ? "red" : "green"} data-testid={`enterprise-status-${status}`}>
          {t(`enterpriseStatus.${status}`)}
        </Tag>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, e: EnterpriseView) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog({ enterprise: e })}
                data-testid={`enterprise-edit-${e.creditCode}`}
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
        title={t("enterprises.title")}
        subtitle={t("enterprises.subtitle")}
        extra={
          <Space wrap>
            <CodeFilter
              list={list}
              name="kind"
              codes={ENTERPRISE_KINDS}
              label={(k) => t(`enterpriseKind.${k}`)}
              placeholder={t("enterprises.filter.allKinds")}
              data-testid="enterprises-kind-filter"
            />
            <Input.Search
              allowClear
              className="filter-wide"
              placeholder={t("enterprises.search")}
              defaultValue={search}
              onSearch={(value) => list.setFilters({ search: value.trim() })}
              data-testid="enterprises-search"
            />
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ enterprise: null })}
                data-testid="enterprise-create"
              >
                {t("enterprises.create")}
              </Button>
            )}
          </Space>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<EnterpriseView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          // The hook reads only the pager and the sorted column's key and direction, whatever the row type.
          onChange={table.onChange as TableProps<EnterpriseView>["onChange"]}
          pagination={{ ...table.pagination, showTotal: (total) => t("common.total", { total }) }}
          scroll={{ x: "max-content" }}
          data-testid="enterprises-table"
          rowClassName={(e) => (e.status === "suspended" ? "row-inactive" : "")}
          onRow={(e) =>
            ({
              "data-testid": "enterprise-row",
              "data-code": e.creditCode,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {dialog && <EnterpriseFormModal enterprise={dialog.enterprise} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
