import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Card, Flex, Input, Skeleton } from "antd";
import { type Key, useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { ImportOutcomeAlert } from "../../components/ImportOutcome";
import { PageHeader } from "../../components/PageHeader";
import { PopulationMismatchAlert } from "../../components/PopulationMismatchAlert";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { canEditAreas } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { AreaFormModal, type AreaFormTarget } from "./AreaFormModal";
import { AreaTable } from "./AreaTable";
import type { AreaActions } from "./areaColumns";
import { PopulationFileTools, type PopulationOutcome } from "./PopulationFileTools";
import { VillageTable } from "./VillageTable";

/**
 * 地区与人口: the district and its townships with their population figures (villages opened under their
 * township, or found by name, a page at a time), and the spreadsheet import and export.
 */
export function AreasPage() {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = canEditAreas(user.role);
  const query = useQuery(trpc.areas.list.queryOptions());
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [search, setSearch] = useState("");
  const [formTarget, setFormTarget] = useState<AreaFormTarget | null>(null);
  const [outcome, setOutcome] = useState<PopulationOutcome | null>(null);

  const remove = useMutation(
    trpc.areas.remove.mutationOptions({
      onSuccess: () => {
        message.success(t("areas.remove.done"));
        return queryClient.invalidateQueries(trpc.areas.pathFilter());
      },
      onError: (error) => {
        if (!isUnauthorized(error)) message.error(errorInfo(error, t("errors.network"), tm).message);
      },
    }),
  );
  const actions: AreaActions = {
    canEdit,
    onEdit: (area) => setFormTarget({ mode: "edit", area }),
    onAdd: (parent) => setFormTarget({ mode: "create", parent }),
    onRemove: (area) => remove.mutate({ id: area.id }),
    removingId: remove.isPending ? (remove.variables?.id ?? null) : null,
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("areas.title")}
        subtitle={t(canEdit ? "areas.subtitle.editor" : "areas.subtitle.reader")}
        extra={<PopulationFileTools canEdit={canEdit} onOutcome={setOutcome} />}
      />
      {outcome && (
        <ImportOutcomeAlert
          outcome={outcome}
          onClose={() => setOutcome(null)}
          success={({ fileName, result }) => ({
            title: t("areas.import.done", { fileName }),
            description: t("areas.import.counts", { updated: result.updated, created: result.created }),
          })}
        />
      )}
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <>
          <PopulationMismatchAlert district={query.data.district} />
          {query.data.estimates > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="estimate-count"
              title={t("areas.estimates", { count: query.data.estimates })}
            />
          )}
          <Card size="small">
            <Flex vertical gap={12}>
              <Input.Search
                allowClear
                className="filter-wide"
                placeholder={t("areas.villages.search")}
                onSearch={(value) => setSearch(value.trim())}
                data-testid="village-search"
              />
              {search && <VillageTable key={search} search={search} {...actions} />}
            </Flex>
          </Card>
          <AreaTable
            areas={query.data.areas}
            expandedKeys={expanded}
            onExpandedChange={setExpanded}
            {...actions}
          />
        </>
      )}
      {formTarget && (
        <AreaFormModal
          target={formTarget}
          onSaved={(area) => {
            // A new village shows at once: its township opens.
            if (area.parentId !== null && !expanded.includes(area.parentId)) {
              setExpanded([...expanded, area.parentId]);
            }
          }}
          onClose={() => setFormTarget(null)}
        />
      )}
    </Flex>
  );
}
