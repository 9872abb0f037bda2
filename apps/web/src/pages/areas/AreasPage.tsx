import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Flex, Skeleton, Typography } from "antd";
import { type Key, useMemo, useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { PopulationMismatchAlert } from "../../components/PopulationMismatchAlert";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { canEditAreas } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { AreaFormModal, type AreaFormTarget } from "./AreaFormModal";
import { AreaTable } from "./AreaTable";
import { buildAreaTree } from "./area-tree";
import { type ImportOutcome, ImportOutcomeView } from "./ImportOutcome";
import { PopulationFileTools } from "./PopulationFileTools";

/** 地区与人口: the area register with its population figures, and the spreadsheet import and export. */
export function AreasPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = canEditAreas(user.role);
  const query = useQuery(trpc.areas.list.queryOptions());
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [formTarget, setFormTarget] = useState<AreaFormTarget | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const remove = useMutation(
    trpc.areas.remove.mutationOptions({
      onSuccess: () => {
        message.success(t("areas.remove.done"));
        return queryClient.invalidateQueries(trpc.areas.pathFilter());
      },
      onError: (error) => {
        if (!isUnauthorized(error)) message.error(errorInfo(error, t("errors.network")).message);
      },
    }),
  );

  const tree = useMemo(() => buildAreaTree(query.data?.areas ?? []), [query.data]);
  // The district is open from the start so its townships are in view.
  const expandedKeys = expanded ?? tree.map((node) => node.id);
  const estimated = query.data?.areas.filter((a) => a.populationBasis === "estimate").length ?? 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="page-title">
            {t("areas.title")}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(canEdit ? "areas.subtitle.editor" : "areas.subtitle.reader")}
          </Typography.Text>
        </div>
        <PopulationFileTools canEdit={canEdit} onOutcome={setOutcome} />
      </Flex>
      {outcome && <ImportOutcomeView outcome={outcome} onClose={() => setOutcome(null)} />}
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <>
          <PopulationMismatchAlert district={query.data.district} />
          {estimated > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="estimate-count"
              title={t("areas.estimates", { count: estimated })}
            />
          )}
          <AreaTable
            tree={tree}
            canEdit={canEdit}
            expandedKeys={expandedKeys}
            onExpandedChange={setExpanded}
            onEdit={(area) => setFormTarget({ mode: "edit", area })}
            onAdd={(parent) => setFormTarget({ mode: "create", parent })}
            onRemove={(area) => remove.mutate({ id: area.id })}
            removingId={remove.isPending ? (remove.variables?.id ?? null) : null}
          />
        </>
      )}
      {formTarget && (
        <AreaFormModal
          target={formTarget}
          onSaved={(area) => {
            // A new village shows at once: its township opens.
            if (area.parentId !== null && !expandedKeys.includes(area.parentId)) {
              setExpanded([...expandedKeys, area.parentId]);
            }
          }}
          onClose={() => setFormTarget(null)}
        />
      )}
    </Flex>
  );
}
