import { useQuery } from "@tanstack/react-query";
import { Drawer, Flex, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { QueryError } from "../../components/QueryError";
import { type Translate, useI18n } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { percent, type Risk } from "../layout/layoutTypes";

type RiskVersion = RouterOutputs["risks"]["history"]["rows"][number];
type Change = RiskVersion["changes"][number];

const PAGE_SIZE = 20;

function valueText(change: Change, value: Change["before"], t: Translate, list: (names: string[]) => string) {
  if (value === null || value === "") return "—";
  if (Array.isArray(value))
    return value.length === 0 ? t("risks.page.noRoads") : list(value.map((r) => r.name));
  if (typeof value === "boolean") return t(value ? "risks.history.yes" : "risks.history.no");
  if (change.field === "shareOfResidents" && typeof value === "number") return `${percent(value)}%`;
  return String(value);
}

/**
 * One township's hazard through its versions, newest first: when each was recorded, by whom, why, and what it
 * changed against the version before. A drawer of its own pages (a hazard has a handful of versions).
 */
export function RiskHistoryDrawer({ risk, onClose }: { risk: Risk; onClose: () => void }) {
  const { t, list } = useI18n();
  const [page, setPage] = useState(1);
  const history = useQuery(
    trpc.risks.history.queryOptions({ areaId: risk.areaId, hazard: risk.hazard, page, pageSize: PAGE_SIZE }),
  );
  const columns: TableColumnsType<RiskVersion> = [
    {
      key: "recorded",
      title: t("risks.history.recorded"),
      render: (_, v) => (
        <Flex vertical>
          <span>{v.recordedByName ?? t("risks.history.system")}</span>
          <Typography.Text type="secondary" className="nowrap">
            {formatDistrictDateTime(v.recordedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "changes",
      title: t("risks.history.changes"),
      render: (_, v) => (
        <Flex vertical gap={2}>
          {v.changes.map((c) => (
            <span key={c.field}>
              {t("risks.history.change", {
                field: t(`risks.field.${c.field}`),
                before: valueText(c, c.before, t, list),
                after: valueText(c, c.after, t, list),
              })}
            </span>
          ))}
        </Flex>
      ),
    },
    { key: "note", title: t("risks.field.note"), render: (_, v) => v.note ?? "—" },
  ];
  return (
    <Drawer
      open
      size={760}
      title={t("risks.history.title", { township: risk.township, hazard: t(`risks.hazard.${risk.hazard}`) })}
      onClose={onClose}
      destroyOnHidden
    >
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => history.refetch()} />
      ) : (
        <Table<RiskVersion>
          rowKey="id"
          size="small"
          loading={history.isLoading}
          columns={columns}
          dataSource={history.data?.rows}
          data-testid="risk-history"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: history.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t("common.total", { total }),
          }}
        />
      )}
    </Drawer>
  );
}
