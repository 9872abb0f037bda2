import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Flex, Space, Tabs } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { canEditRoads } from "../../lib/roles";
import { trpc } from "../../trpc";
import { EdgesTab } from "./EdgesTab";
import { NodesTab } from "./NodesTab";
import { useRoadsSheet } from "./useRoadsSheet";

type Tab = "edges" | "nodes";

/**
 * 道路: the district's road network as the dispatch plan drives it — every road with its class, length (marked
 * where estimated), speed and today's status — where dispatchers close, slow and reopen roads and keep the
 * network's data. The plan page draws it on the map.
 */
export function RoadsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditRoads(user.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "nodes" ? "nodes" : "edges";
  const network = useQuery(trpc.roads.list.queryOptions());
  const sheet = useRoadsSheet(canEdit);
  const [creating, setCreating] = useState(false);
  const nodes = network.data?.nodes ?? [];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("roads.title")}
        subtitle={t("roads.subtitle")}
        extra={
          <Space wrap>
            {sheet.buttons}
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid={tab === "nodes" ? "road-node-create" : "road-edge-create"}
              >
                {tab === "nodes" ? t("roads.form.createNode") : t("roads.form.createEdge")}
              </Button>
            )}
          </Space>
        }
      />
      {sheet.outcome}
      {network.isError && <QueryError error={network.error} onRetry={() => network.refetch()} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "nodes" ? { tab: "nodes" } : {}, { replace: true })}
        items={[
          {
            key: "edges",
            label: t("roads.tab.edges"),
            children: (
              <EdgesTab
                nodes={nodes}
                canEdit={canEdit}
                creating={creating && tab === "edges"}
                onCreated={() => setCreating(false)}
              />
            ),
          },
          {
            key: "nodes",
            label: t("roads.tab.nodes"),
            children: (
              <NodesTab
                nodes={nodes}
                loading={network.isFetching}
                canEdit={canEdit}
                creating={creating && tab === "nodes"}
                onCreated={() => setCreating(false)}
              />
            ),
          },
        ]}
        data-testid="roads-tabs"
      />
    </Flex>
  );
}
