import { ArrowLeftOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { PLAN_BUDGET } from "@relief/domain";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tag, Tooltip } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canApprovePlan, canPlanDispatch } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { AidRequestButton } from "../aid/AidRequestButton";
import { PlanAidTrips } from "../aid/PlanAidTrips";
import { AreaOutcomeTable } from "./AreaOutcomeTable";
import { PlanMap } from "./PlanMap";
import { NO_OPTIONS, PlanOptionsPanel } from "./PlanOptionsPanel";
import { PlanOrders } from "./PlanOrders";
import { PlanProgress } from "./PlanProgress";
import { PlanSummary } from "./PlanSummary";
import { PlanTimeline } from "./PlanTimeline";
import { PlanVersions } from "./PlanVersions";
import type { PlanOptions, ReplanResult } from "./planTypes";
import { ReplanAlert } from "./ReplanAlert";
import { ReplanDifference } from "./ReplanDifference";
import { ShortfallList } from "./ShortfallList";
import { usePlanNames } from "./usePlanNames";
import "./plan.css";

/**
 * An incident's dispatch plan: plan (dispatchers), read the chosen version's figures, its map, its vehicles'
 * timeline, each area's outcome and the unmet needs with what would fix them, pin or exclude warehouses,
 * vehicles and roads and plan again; every plan is a version of the incident's plan, two can be compared.
 */
export function PlanPage() {
  const { t, tm } = useI18n();
  const user = useCurrentUser();
  const incidentId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get("plan")) || null;

  const incident = useQuery(trpc.incidents.get.queryOptions({ id: incidentId }));
  const versions = useQuery(trpc.dispatch.list.queryOptions({ incidentId }));
  const roads = useQuery(trpc.roads.list.queryOptions());
  const vehicles = useQuery(trpc.vehicles.list.queryOptions({ active: true, pageSize: 200 }));
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const settings = useQuery(trpc.settings.get.queryOptions());
  const latest = versions.data?.[0]?.planId ?? null;
  const planId = chosen ?? latest;
  const plan = useQuery(trpc.dispatch.get.queryOptions(planId ? { planId } : skipToken));
  const names = usePlanNames(incident.data?.areas ?? []);

  const [options, setOptions] = useState<PlanOptions>(NO_OPTIONS);
  // The panel starts from what the version on screen was planned with.
  useEffect(() => setOptions(plan.data?.options ?? NO_OPTIONS), [plan.data]);
  const [startedAt, setStartedAt] = useState(0);
  const planning = useMutation(
    trpc.dispatch.plan.mutationOptions({
      onMutate: () => setStartedAt(Date.now()),
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.dispatch.get.queryKey({ planId: view.planId }), view);
        void queryClient.invalidateQueries(trpc.dispatch.list.queryFilter({ incidentId }));
        setParams({ plan: String(view.planId) }, { replace: true });
      },
    }),
  );
  const runPlan = (with_: PlanOptions) => planning.mutate({ incidentId, options: with_ });
  const [replanned, setReplanned] = useState<ReplanResult | null>(null);

  const affected = useMemo(() => {
    const ids = new Set<number>();
    for (const area of incident.data?.areas ?? []) {
      ids.add(area.areaId);
      ids.add(area.townshipId);
    }
    return ids;
  }, [incident.data]);
  const choices = useMemo(
    () => ({
      warehouses: (warehouses.data ?? [])
        .filter((w) => w.active)
        .map((w) => ({ value: w.id, label: w.name })),
      vehicles: (vehicles.data?.rows ?? []).map((v) => ({ value: v.id, label: v.plate })),
      roads: (roads.data?.edges ?? []).map((e) => ({
        value: e.id,
        label: `${e.name} · ${e.fromName} – ${e.toName}${e.status === "open" ? "" : ` (${t(`plan.map.${e.status}`)})`}`,
      })),
    }),
    [warehouses.data, vehicles.data, roads.data, t],
  );

  if (incident.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (incident.isError) return <QueryError error={incident.error} onRetry={() => incident.refetch()} />;
  const header = incident.data;
  const mayPlan = canPlanDispatch(user.role) && header.status === "open";
  const mayApprove = canApprovePlan(user.role, settings.data) && header.status === "open";
  const view = plan.data;
  const version = versions.data?.find((v) => v.planId === planId);

  return (
    <Flex vertical gap={16} data-testid="plan-page">
      <PageHeader
        title={
          <Space>
            <Link to={`/incidents/${incidentId}`} aria-label={t("plan.backToIncident")}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="plan-incident-title">{header.title}</span>
            {header.drill && (
              <Tag color="purple" data-testid="plan-drill">
                {t("incidents.drill")}
              </Tag>
            )}
          </Space>
        }
        subtitle={t("plan.subtitle", {
          type: t(`incidents.type.${header.type}`),
          started: formatDistrictDateTime(header.startedAt),
          deadline: formatDistrictDateTime(header.deadlineAt),
        })}
        extra={
          <Space wrap>
            <PlanVersions
              versions={versions.data ?? []}
              planId={planId}
              onChoose={(id) => setParams({ plan: String(id) }, { replace: true })}
              areaName={names.areaName}
            />
            {mayPlan && (
              <Tooltip title={t("plan.planHelp")}>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  loading={planning.isPending}
                  onClick={() => runPlan(NO_OPTIONS)}
                  data-testid="plan-run"
                >
                  {t("plan.run")}
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      />
      {planning.isPending && <PlanProgress startedAt={startedAt} {...PLAN_BUDGET} />}
      {planning.isError && (
        <Alert
          type="error"
          showIcon
          closable
          message={t("plan.runFailed")}
          description={errorInfo(planning.error, t("errors.network"), tm).message}
          data-testid="plan-run-error"
        />
      )}
      {versions.isError && <QueryError error={versions.error} onRetry={() => versions.refetch()} />}
      {versions.isSuccess && !planId && (
        <Empty description={mayPlan ? t("plan.noneYet") : t("plan.noneYetReader")} data-testid="plan-none" />
      )}
      {view?.flag && (
        <ReplanAlert
          flag={view.flag}
          incidentId={incidentId}
          mayReplan={mayPlan}
          onReplanned={(result) => {
            setReplanned(result);
            setParams({ plan: String(result.plan.planId) }, { replace: true });
          }}
        />
      )}
      {replanned && <ReplanDifference result={replanned} names={names} onClose={() => setReplanned(null)} />}
      {plan.isPending && planId && <Skeleton active paragraph={{ rows: 6 }} />}
      {plan.isError && <QueryError error={plan.error} onRetry={() => plan.refetch()} />}
      {view && (
        <>
          <PlanSummary plan={view} />
          {version && (
            <PlanOrders
              version={version}
              latest={version.planId === latest}
              incidentTitle={header.title}
              mayDispatch={mayPlan}
              mayApprove={mayApprove}
              onReplan={() => runPlan(options)}
            />
          )}
          <Card title={t("plan.map.title")} size="small">
            <PlanMap
              key={view.planId}
              nodes={roads.data?.nodes ?? []}
              edges={roads.data?.edges ?? []}
              routes={view.routes}
              affectedAreaIds={affected}
            />
          </Card>
          <Card title={t("plan.timeline.title")} size="small">
            {view.routes.length > 0 ? (
              <PlanTimeline plan={view} areaName={names.areaName} deliveries={names.deliveries} />
            ) : (
              <Empty description={t("plan.timeline.none")} />
            )}
          </Card>
          <PlanAidTrips plan={view} incidentId={incidentId} names={names} />
          <Card title={t("plan.areas.title")} size="small">
            <AreaOutcomeTable plan={view} names={names} />
          </Card>
          <Card
            title={t("plan.shortfalls.title")}
            size="small"
            extra={
              view.shortfalls.length > 0 && (
                <AidRequestButton incidentId={incidentId} open={header.status === "open"} size="small" />
              )
            }
          >
            <ShortfallList shortfalls={view.shortfalls} names={names} />
          </Card>
        </>
      )}
      {(view || mayPlan) && (
        <Card title={t("plan.options.title")} size="small">
          <PlanOptionsPanel
            options={options}
            onChange={setOptions}
            warehouses={choices.warehouses}
            vehicles={choices.vehicles}
            roads={choices.roads}
            onPlan={() => runPlan(options)}
            planning={planning.isPending}
            canPlan={mayPlan}
          />
        </Card>
      )}
    </Flex>
  );
}
