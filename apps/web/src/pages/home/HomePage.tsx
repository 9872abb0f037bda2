import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { BasisTag } from "../../components/BasisTag";
import { PopulationMismatchAlert } from "../../components/PopulationMismatchAlert";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { AreaItem } from "../../lib/api-types";
import { canEditAreas } from "../../lib/roles";
import { trpc } from "../../trpc";
import { ReserveAlerts } from "./ReserveAlerts";

/** Key figures for the leadership: population, the two plan targets derived from it, and the townships. */
export function HomePage() {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const query = useQuery(trpc.areas.list.queryOptions());

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;

  const { district, targets, areas } = query.data;
  if (!district || !targets) {
    return <Empty description={t("home.noDistrict")} />;
  }
  const townships = areas.filter((a) => a.level === "township" && a.parentId === district.id);
  const ranked = [...townships].sort((a, b) => b.population - a.population);
  const subdistricts = townships.filter((a) => a.kind === "subdistrict").length;
  const towns = townships.filter((a) => a.kind === "town").length;
  const estimated = townships.filter((a) => a.populationBasis === "estimate").length;
  const percent = (ratio: number) => formatNumber(ratio * 100);

  const columns: TableColumnsType<AreaItem> = [
    { title: t("home.table.rank"), key: "rank", width: 72, render: (_v, _r, index) => index + 1 },
    { title: t("areas.column.name"), dataIndex: "name", key: "name" },
    {
      title: t("areas.column.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (kind: AreaItem["kind"]) => t(`kind.${kind}`),
    },
    {
      title: t("areas.column.population"),
      dataIndex: "population",
      key: "population",
      align: "right",
      render: (value: number) => formatNumber(value),
    },
    {
      title: t("home.table.share"),
      key: "share",
      align: "right",
      render: (_v, row) => `${formatNumber((row.population / district.population) * 100, 1)}%`,
    },
    { title: t("areas.column.year"), dataIndex: "populationYear", key: "year", width: 100 },
    {
      title: t("areas.column.basis"),
      dataIndex: "populationBasis",
      key: "basis",
      render: (basis: AreaItem["populationBasis"]) => <BasisTag basis={basis} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} className="page-title">
        {t("home.title", { district: district.name })}
      </Typography.Title>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-population">
            <Statistic title={t("home.population")} value={district.population} suffix={t("common.people")} />
            <Flex gap={8} align="center" className="stat-note">
              <Typography.Text type="secondary">
                {t("home.populationYear", { year: district.populationYear })}
              </Typography.Text>
              <BasisTag basis={district.populationBasis} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-reserve-target">
            <Statistic
              title={t("home.reserveTarget", { percent: percent(targets.reserveRatio) })}
              value={targets.reservePeople}
              suffix={t("common.people")}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.reserveTargetNote", { percent: percent(targets.reserveRatio) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-shelter-target">
            <Statistic
              title={t("home.shelterTarget", { percent: percent(targets.shelterRatio) })}
              value={targets.shelterPeople}
              suffix={t("common.people")}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.shelterTargetNote", { percent: percent(targets.shelterRatio) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-townships">
            <Statistic title={t("home.townships")} value={townships.length} suffix={t("common.units")} />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.townshipsBreakdown", { subdistricts, towns })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <ReserveAlerts />
      {estimated > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="estimate-note"
          title={t("home.estimates", { count: estimated, total: townships.length })}
          description={
            <>
              {t("home.estimatesHint")}{" "}
              {canEditAreas(user.role) && <Link to="/areas">{t("home.estimatesAction")}</Link>}
            </>
          }
        />
      )}
      <PopulationMismatchAlert district={district} />
      <Card title={t("home.table.title")}>
        <Table<AreaItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={ranked}
          pagination={false}
          data-testid="township-ranking"
        />
      </Card>
    </Flex>
  );
}
