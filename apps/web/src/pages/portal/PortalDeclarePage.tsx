import { useQuery } from "@tanstack/react-query";
import { Flex, Skeleton } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { DeclarationForm } from "./DeclarationForm";
import { DeclarationUpload } from "./DeclarationUpload";

/** 申报库存: the form for a few lines, the spreadsheet for many. Both submit declarations 待审核. */
export function PortalDeclarePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const agreements = useQuery(trpc.portal.agreements.queryOptions(undefined, { staleTime: 0 }));
  const sites = useQuery(trpc.portal.sites.queryOptions());
  const focusLineId = Number(params.get("lineId")) || undefined;

  if (agreements.isPending || sites.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (agreements.isError) return <QueryError error={agreements.error} onRetry={() => agreements.refetch()} />;
  if (sites.isError) return <QueryError error={sites.error} onRetry={() => sites.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("portal.declare.title")} subtitle={t("portal.declare.subtitle")} />
      <DeclarationForm
        agreements={agreements.data}
        sites={sites.data.filter((s) => s.active)}
        focusLineId={focusLineId}
      />
      <DeclarationUpload />
    </Flex>
  );
}
