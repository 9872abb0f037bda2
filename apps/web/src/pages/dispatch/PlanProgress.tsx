import { Alert, Progress, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";

/**
 * While the server plans: the seconds since the request left, against the time cap, and the search's
 * iteration budget. The planner answers when its budget is spent, usually before the cap; the bar never claims
 * to be done before the answer arrives.
 */
export function PlanProgress({
  startedAt,
  timeLimitMs,
  iterations,
}: {
  startedAt: number;
  timeLimitMs: number;
  iterations: number;
}) {
  const { t, formatNumber } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const elapsedMs = Math.max(0, now - startedAt);
  const percent = Math.min(99, Math.floor((elapsedMs / timeLimitMs) * 100));
  return (
    <Alert
      type="info"
      showIcon
      data-testid="plan-progress"
      message={t("plan.progress.title")}
      description={
        <>
          <Progress percent={percent} status="active" showInfo={false} />
          <Typography.Text type="secondary">
            {t("plan.progress.detail", {
              elapsed: formatNumber(elapsedMs / 1000, 1),
              cap: formatNumber(timeLimitMs / 1000),
              iterations: formatNumber(iterations),
            })}
          </Typography.Text>
        </>
      }
    />
  );
}
