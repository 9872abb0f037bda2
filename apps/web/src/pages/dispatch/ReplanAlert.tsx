import { ReloadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex } from "antd";
import { Link } from "react-router";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { queryClient, trpc } from "../../trpc";
import type { PlanFlag, ReplanResult } from "./planTypes";

/**
 * The warning an approved plan carries once a road on its undeparted trips closed or slowed: which roads, how
 * many orders have not left, and 重新制定. On the plan page the button re-plans (dispatchers); elsewhere it
 * leads to the plan page (`to`). A refused re-plan lists what changed; the approved plan then stays as it was.
 */
export function ReplanAlert({
  flag,
  incidentId,
  mayReplan,
  to,
  onReplanned,
}: {
  flag: PlanFlag;
  incidentId: number;
  mayReplan: boolean;
  to?: string;
  onReplanned?: (result: ReplanResult) => void;
}) {
  const { t, tm, list } = useI18n();
  const { message } = App.useApp();
  const replan = useMutation(
    trpc.dispatch.replan.mutationOptions({
      onSuccess: (result) => {
        void invalidateStock();
        void queryClient.invalidateQueries(trpc.dispatch.pathFilter());
        void queryClient.invalidateQueries(trpc.agreements.pathFilter());
        message.success(
          t("orders.replan.done", { version: result.plan.version, orders: result.orders.length }),
        );
        onReplanned?.(result);
      },
    }),
  );
  const roads = list(flag.roads.map((r) => t("orders.replan.road", { name: r.name, code: r.code })));
  const text = flag.roads.some((r) => r.status === "closed")
    ? t("orders.replan.flagClosed", { roads, count: flag.undeparted })
    : flag.roads.length > 0
      ? t("orders.replan.flagSlow", { roads, count: flag.undeparted })
      : t("orders.replan.flagOther", { count: flag.undeparted });
  const failure = replan.isError ? errorInfo(replan.error, t("errors.network"), tm) : null;

  const action = !mayReplan ? null : to ? (
    <Link to={to} data-testid="replan-link">
      <Button type="primary" danger icon={<ReloadOutlined />}>
        {t("orders.replan.action")}
      </Button>
    </Link>
  ) : (
    <Button
      type="primary"
      danger
      icon={<ReloadOutlined />}
      loading={replan.isPending}
      onClick={() => replan.mutate({ incidentId })}
      data-testid="replan-run"
    >
      {t("orders.replan.action")}
    </Button>
  );

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="replan-flag"
      title={text}
      description={
        <Flex vertical gap={8}>
          <span>{t("orders.replan.hint")}</span>
          {failure && (
            <Alert
              type="error"
              showIcon
              data-testid="replan-error"
              title={failure.message}
              description={
                failure.issues.length > 0 && (
                  <ul className="approve-changes">
                    {failure.issues.map((issue) => (
                      <li key={issue.message}>{issue.message}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
        </Flex>
      }
      action={action}
    />
  );
}
