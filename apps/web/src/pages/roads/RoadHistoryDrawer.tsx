import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Drawer, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { RoadStatusTag } from "./RoadStatusTag";
import type { RoadEdge, RoadEvent } from "./roadTypes";

/** Every status change of one road, latest first, with who recorded it and when. */
export function RoadHistoryDrawer({ edge, onClose }: { edge: RoadEdge; onClose: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const history = useQuery(
    trpc.roads.history.queryOptions(
      { edgeId: edge.id, page, pageSize: 20 },
      { placeholderData: keepPreviousData },
    ),
  );
  const columns: TableColumnsType<RoadEvent> = [
    {
      title: t("roads.history.effectiveAt"),
      key: "effectiveAt",
      render: (_v, e) => formatDistrictDateTime(e.effectiveAt),
    },
    {
      title: t("roads.column.status"),
      key: "status",
      render: (_v, e) => <RoadStatusTag status={e.status} speedFactor={e.speedFactor} />,
    },
    {
      title: t("roads.field.reason"),
      key: "reason",
      render: (_v, e) => (
        <>
          {e.reason || "—"}
          {e.expectedReopenAt && (
            <Typography.Text type="secondary" className="cell-code">
              <br />
              {t("roads.expectedReopen", { at: formatDistrictDateTime(e.expectedReopenAt) })}
            </Typography.Text>
          )}
          {e.incidentTitle && (
            <Typography.Text type="secondary" className="cell-code">
              <br />
              {e.incidentTitle}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("roads.history.recorded"),
      key: "recorded",
      render: (_v, e) => (
        <>
          {e.recordedByName}
          <Typography.Text type="secondary" className="cell-code">
            <br />
            {formatDistrictDateTime(e.recordedAt)}
          </Typography.Text>
        </>
      ),
    },
  ];
  return (
    <Drawer
      open
      size={760}
      title={t("roads.history.title", { code: edge.code, name: edge.name })}
      onClose={onClose}
      destroyOnHidden
    >
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => history.refetch()} />
      ) : (
        <Table<RoadEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={history.data?.rows ?? []}
          loading={history.isFetching}
          locale={{ emptyText: t("roads.history.none") }}
          data-testid="road-history"
          pagination={{
            current: page,
            pageSize: 20,
            total: history.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
        />
      )}
    </Drawer>
  );
}
