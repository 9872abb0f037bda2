import { useQuery } from "@tanstack/react-query";
import { Flex, Skeleton } from "antd";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { CreditPanel } from "../enterprises/CreditPanel";

/** 信用记录: the enterprise's own grade and score, every term of it, and the events noted on its record. */
export function PortalCreditPage() {
  const { t } = useI18n();
  const credit = useQuery(trpc.portal.credit.queryOptions(undefined, { staleTime: 0 }));
  if (credit.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (credit.isError) return <QueryError error={credit.error} onRetry={() => credit.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("portal.credit.title")} subtitle={t("portal.credit.subtitle")} />
      <CreditPanel credit={credit.data.record} events={credit.data.events} recordFor={null} />
    </Flex>
  );
}
