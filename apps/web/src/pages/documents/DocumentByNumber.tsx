import { useQuery } from "@tanstack/react-query";
import { Result, Skeleton } from "antd";
import { Navigate, useParams } from "react-router";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";

/** `/documents/number/RK-…`: finds a document by its number (what reversal and receipt links carry). */
export function DocumentByNumber() {
  const { t } = useI18n();
  const number = useParams().number ?? "";
  const query = useQuery(trpc.stock.documents.queryOptions({ search: number, pageSize: 20 }));
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const match = query.data.rows.find((d) => d.number === number);
  if (!match) return <Result status="404" title={t("documents.notFound")} subTitle={number} />;
  return <Navigate to={`/documents/${match.id}`} replace />;
}
