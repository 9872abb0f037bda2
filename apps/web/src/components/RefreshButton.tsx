import { ReloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n";

/** 刷新 beside a list's filters: fetches the list's query again, spinning while it does. */
export function RefreshButton({ query }: { query: { refetch: () => unknown; isFetching: boolean } }) {
  const { t } = useI18n();
  return (
    <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
      {t("common.refresh")}
    </Button>
  );
}
