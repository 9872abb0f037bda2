import { useQuery } from "@tanstack/react-query";
import { Alert, Flex, Progress, Spin, Typography } from "antd";
import { type MessageKey, useI18n } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";
import { trpc } from "../../trpc";

type RunProgress = NonNullable<RouterOutputs["layout"]["progress"]>;
type Running = Extract<RunProgress, { state: "running" }>;

/** How often a waiting page asks where its run is. */
const POLL_MS = 500;

/**
 * A fresh name for a run, under which the page reads its progress. From getRandomValues rather than
 * randomUUID, which browsers offer only on https or localhost, and the district's server may be on plain http.
 */
export function newRunId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

/** The run's progress, asked every half second while the component asking is shown (its call pending). */
function useRunProgress(runId: string) {
  return useQuery({ ...trpc.layout.progress.queryOptions({ runId }), refetchInterval: POLL_MS, gcTime: 0 })
    .data;
}

/** The run in words: queued behind others, starting, or the engine's stage with its steps done. */
function useRunWords(progress: RunProgress | null | undefined, fallback: string): string {
  const { t, formatNumber } = useI18n();
  if (!progress) return fallback;
  if (progress.state === "queued")
    return progress.ahead > 0
      ? t("layout.progress.queued", { ahead: progress.ahead })
      : t("layout.progress.starting");
  return t("layout.progress.step", {
    stage: t(`layout.progress.stage.${progress.stage}` as MessageKey),
    done: formatNumber(progress.done),
    total: formatNumber(progress.total),
  });
}

const percentOf = (progress: Running) =>
  progress.total === 0 ? 100 : Math.floor((100 * progress.done) / progress.total);

/**
 * A run's progress as an alert with a bar: `fallback` until the server knows the run (and for an answer it
 * returns from storage without running).
 */
export function RunProgressAlert({
  runId,
  fallback,
  testId,
}: {
  runId: string;
  fallback: string;
  testId: string;
}) {
  const progress = useRunProgress(runId);
  const words = useRunWords(progress, fallback);
  return (
    <Alert
      type="info"
      data-testid={testId}
      title={
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Spin size="small" />
            <span data-testid={`${testId}-words`}>{words}</span>
          </Flex>
          {progress?.state === "running" && (
            <Progress
              percent={percentOf(progress)}
              size="small"
              showInfo={false}
              data-testid={`${testId}-bar`}
            />
          )}
        </Flex>
      }
    />
  );
}

/** The same in one line, beside the button that started the run. */
export function RunProgressInline({ runId, fallback }: { runId: string; fallback: string }) {
  const progress = useRunProgress(runId);
  const words = useRunWords(progress, fallback);
  return (
    <Flex gap={8} align="center" data-testid="run-progress">
      <Typography.Text type="secondary">{words}</Typography.Text>
      {progress?.state === "running" && (
        <Progress
          percent={percentOf(progress)}
          size="small"
          showInfo={false}
          style={{ width: 100, margin: 0 }}
        />
      )}
    </Flex>
  );
}
