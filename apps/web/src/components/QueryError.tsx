import { Button, Result } from "antd";
import { useI18n } from "../i18n";
import { errorInfo } from "../lib/errors";

/** A page whose data could not be loaded: the server's message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, tm } = useI18n();
  return (
    <Result
      status="error"
      title={t("errors.loadFailed")}
      subTitle={errorInfo(error, t("errors.network"), tm).message}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}
