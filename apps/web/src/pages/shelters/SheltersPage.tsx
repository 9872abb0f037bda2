import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import {
  RatioText,
  ratioCellClass,
  ShelterStatusTag,
  ShelterTypeTag,
} from "../../components/coverage/CoverageTags";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { canEditCoverage, SHELTER_TYPES, type ShelterType, type ShelterView } from "../../lib/coverage";
import { formatCoordinates, formatDecimal } from "../../lib/format";
import { trpc } from "../../trpc";
import { ShelterFormModal } from "./ShelterFormModal";

interface TownshipShelters {
  key: string;
  areaId: number | null;
  name: string;
  population: number;
  targetPeople: number;
  capacity: number;
  shortfall: number;
  ratio: number;
  open: number;
  total: number;
}

/**
 * 避难场所: open shelter places against 20 % of residents, per township and for the district, and the register
 * of shelters (civil affairs and administrators keep it).
 */
export function SheltersPage() {
  const { t, formatNumber, locale } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditCoverage(user.role);
  const shelters = useQuery(trpc.shelters.list.queryOptions(undefined, { staleTime: 0 }));
  const townships = useQuery(trpc.coverage.byTownship.queryOptions({}, { staleTime: 0 }));
  const summary = useQuery(trpc.coverage.summary.queryOptions({}, { staleTime: 0 }));
  const [dialog, setDialog] = useState<{ shelter: ShelterView | null } | null>(null);
  const [areaId, setAreaId] = useState<number | undefined>(undefined);
  const [type, setType] = useState<ShelterType | undefined>(undefined);
  const [search, setSearch] = useState("");

  const summaryRows = useMemo((): TownshipShelters[] => {
    const list = shelters.data ?? [];
    const count = (id: number) => {
      const here = list.filter((s) => s.areaId === id);
      return { open: here.filter((s) => s.status === "open").length, total: here.length };
    };
    const rows = (townships.data ?? []).map((row) => ({
      key: String(row.areaId),
      areaId: row.areaId,
      name: row.name,
      population: row.population,
      targetPeople: row.shelters.targetPeople,
      capacity: row.shelters.capacity,
      shortfall: row.shelters.shortfall,
      ratio: row.shelters.targetPeople > 0 ? row.shelters.capacity / row.shelters.targetPeople : 0,
      ...count(row.areaId),
    }));
    const district = summary.data;
    if (!district) return rows;
    const total: TownshipShelters = {
      key: "district",
      areaId: null,
      name: t("shelters.summary.district"),
      population: district.population,
      targetPeople: district.shelters.targetPeople,
      capacity: district.shelters.capacity,
      shortfall: district.shelters.shortfall,
      ratio:
        district.shelters.targetPeople > 0 ? district.shelters.capacity / district.shelters.targetPeople : 0,
      open: list.filter((s) => s.status === "open").length,
      total: list.length,
    };
    return [total, ...rows];
  }, [townships.data, summary.data, shelters.data, t]);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (shelters.data ?? []).filter(
      (s) =>
        (areaId === undefined || s.areaId === areaId) &&
        (type === undefined || s.type === type) &&
        (needle === "" || s.name.toLowerCase().includes(needle) || s.address.toLowerCase().includes(needle)),
    );
  }, [shelters.data, areaId, type, search]);

  const summaryColumns: TableColumnsType<TownshipShelters> = [
    {
      title: t("coverage.townships.name"),
      dataIndex: "name",
      key: "name",
      render: (name: string, row) =>
        row.areaId === null ? (
          name
        ) : (
          <Button type="link" className="link-inline" onClick={() => setAreaId(row.areaId ?? undefined)}>
            {name}
          </Button>
        ),
    },
    {
      title: t("areas.column.population"),
      dataIndex: "population",
      key: "population",
      align: "right",
      render: (v: number) => formatNumber(v),
    },
    {
      title: t("shelters.summary.target"),
      dataIndex: "targetPeople",
      key: "target",
      align: "right",
      render: (v: number) => formatNumber(v),
    },
    {
      title: t("shelters.summary.capacity"),
      dataIndex: "capacity",
      key: "capacity",
      align: "right",
      render: (v: number) => (
        <span className="qty" data-testid="shelter-township-capacity" data-value={v}>
          {formatNumber(v)}
        </span>
      ),
    },
    {
      title: t("shelters.summary.shortfall"),
      dataIndex: "shortfall",
      key: "shortfall",
      align: "right",
      render: (v: number) =>
        v > 0 ? (
          <span className="count-less" data-testid="shelter-township-shortfall">
            {formatNumber(v)}
          </span>
        ) : (
          <span className="qty-zero">—</span>
        ),
    },
    {
      title: t("shelters.summary.ratio"),
      dataIndex: "ratio",
      key: "ratio",
      align: "right",
      sorter: (a, b) => (a.areaId === null ? -1 : b.areaId === null ? 1 : a.ratio - b.ratio),
      onCell: (row) => ({ className: ratioCellClass(row.ratio) }),
      render: (ratio: number) => <RatioText ratio={ratio} testId="shelter-township-ratio" />,
    },
    {
      title: t("shelters.summary.count"),
      key: "count",
      align: "right",
      render: (_v, row) => t("shelters.summary.countValue", { open: row.open, total: row.total }),
    },
  ];

  const columns: TableColumnsType<ShelterView> = [
    {
      title: t("shelters.column.name"),
      key: "name",
      fixed: "left",
      render: (_v, s) => <NameCodeCell name={s.name} code={s.address} testId="shelter-name" />,
    },
    {
      title: t("shelters.column.township"),
      dataIndex: "areaName",
      key: "township",
      render: (name: string) => <span data-testid="shelter-township">{name}</span>,
    },
    {
      title: t("shelters.column.type"),
      dataIndex: "type",
      key: "type",
      render: (value: ShelterType) => <ShelterTypeTag type={value} />,
    },
    {
      title: t("shelters.column.capacity"),
      dataIndex: "capacity",
      key: "capacity",
      align: "right",
      sorter: (a, b) => a.capacity - b.capacity,
      render: (v: number) => (
        <span className="qty" data-testid="shelter-capacity" data-value={v}>
          {formatNumber(v)}
        </span>
      ),
    },
    {
      title: t("shelters.column.areaM2"),
      dataIndex: "areaM2",
      key: "areaM2",
      align: "right",
      render: (v: number | null) =>
        v === null ? <span className="qty-zero">—</span> : formatDecimal(v, locale, 1),
    },
    {
      title: t("shelters.column.coordinates"),
      key: "coordinates",
      render: (_v, s) => <span className="cell-code">{formatCoordinates(s.lat, s.lon)}</span>,
    },
    {
      title: t("shelters.column.status"),
      dataIndex: "status",
      key: "status",
      render: (status: ShelterView["status"]) => <ShelterStatusTag status={status} />,
    },
    {
      title: t("shelters.column.note"),
      dataIndex: "note",
      key: "note",
      render: (note: string | null) => note ?? <span className="qty-zero">—</span>,
    },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, s: ShelterView) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog({ shelter: s })}
                data-testid={`shelter-edit-${s.id}`}
              >
                {t("common.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const townshipOptions = (townships.data ?? []).map((row) => ({ value: row.areaId, label: row.name }));

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("shelters.title")}
        subtitle={t("shelters.subtitle")}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ shelter: null })}
              data-testid="shelter-create"
            >
              {t("shelters.create")}
            </Button>
          )
        }
      />
      <Card title={t("shelters.summary.title")} data-testid="shelter-summary">
        {townships.isError ? (
          <QueryError error={townships.error} onRetry={() => townships.refetch()} />
        ) : (
          <Table<TownshipShelters>
            rowKey="key"
            size="small"
            columns={summaryColumns}
            dataSource={summaryRows}
            loading={townships.isPending}
            pagination={false}
            scroll={{ x: "max-content" }}
            rowClassName={(row) => (row.areaId === null ? "district-total-row" : "")}
            onRow={(row) =>
              ({
                "data-testid": row.areaId === null ? "shelter-district-row" : "shelter-township-row",
                "data-name": row.name,
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      <Card
        title={t("shelters.register.title")}
        extra={
          <Space wrap>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              className="filter-narrow"
              placeholder={t("shelters.filter.township")}
              value={areaId}
              onChange={setAreaId}
              options={townshipOptions}
              data-testid="shelters-filter-township"
            />
            <Select<ShelterType>
              allowClear
              className="filter-narrow"
              placeholder={t("shelters.filter.type")}
              value={type}
              onChange={setType}
              options={SHELTER_TYPES.map((value) => ({ value, label: t(`shelterType.${value}`) }))}
              data-testid="shelters-filter-type"
            />
            <Input.Search
              allowClear
              className="filter-wide"
              placeholder={t("shelters.search")}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="shelters-search"
            />
          </Space>
        }
      >
        {shelters.isError ? (
          <QueryError error={shelters.error} onRetry={() => shelters.refetch()} />
        ) : (
          <Table<ShelterView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={shelters.isPending}
            pagination={false}
            scroll={{ x: "max-content" }}
            data-testid="shelters-table"
            rowClassName={(s) => (s.status === "open" ? "" : "row-inactive")}
            onRow={(s) =>
              ({ "data-testid": "shelter-row", "data-name": s.name }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      {dialog && <ShelterFormModal shelter={dialog.shelter} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
