import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import { type Advice, type Confirmation, percent } from "./layoutTypes";
import { newRunId, RunProgressInline } from "./RunProgress";

/**
 * 调度规划校核: runs the full planner on every scenario with the advised layout (off the request thread, tens of
 * seconds) and stores the figures on the advice. Any reader may run it: it changes nothing but the advice.
 */
export function ConfirmButton({ advice }: { advice: Advice }) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const confirm = useMutation(
    trpc.layout.confirm.mutationOptions({
      onSuccess: (view) =>
        queryClient.setQueryData(trpc.layout.advice.queryKey({ adviceId: view.adviceId }), view),
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );
  const [runId, setRunId] = useState(newRunId);
  const run = () => {
    const id = newRunId();
    setRunId(id);
    confirm.mutate({ adviceId: advice.adviceId, runId: id });
  };
  return (
    <Flex gap={8} align="center">
      <Button size="small" loading={confirm.isPending} onClick={run} data-testid="advice-confirm">
        {t("layout.confirm.run")}
      </Button>
      {confirm.isPending && <RunProgressInline runId={runId} fallback={t("layout.confirm.running")} />}
    </Flex>
  );
}

/** The planner's worst scenario and weighted mean before and after the advice, beside the bound's. */
export function ConfirmationSummary({ confirmation }: { confirmation: Confirmation }) {
  const { t, formatNumber } = useI18n();
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="advice-confirmation">
      <Typography.Text>
        {t("layout.confirm.summary", {
          at: formatDistrictDateTime(confirmation.computedAt),
          worstBefore: percent(confirmation.before.worstPlanned?.share ?? 0),
          worstAfter: percent(confirmation.worstPlanned?.share ?? 0),
          meanBefore: percent(confirmation.before.weightedMeanPlanned.share),
          meanAfter: percent(confirmation.weightedMeanPlanned.share),
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t("layout.confirm.rule", { iterations: formatNumber(confirmation.search.maxIterations) })}
      </Typography.Text>
      {confirmation.stoppedByTime > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("layout.confirm.stoppedByTime", { count: confirmation.stoppedByTime })}
        />
      )}
    </Flex>
  );
}
