import { Alert, Card, Flex, Skeleton, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { AdjustForm } from "./posting/AdjustForm";
import { IssueForm } from "./posting/IssueForm";
import { ReceiptForm } from "./posting/ReceiptForm";
import { TransferForm } from "./posting/TransferForm";

const KINDS = ["receipt", "issue", "transfer", "adjust"] as const;
type PostingKind = (typeof KINDS)[number];

function isKind(value: string | null): value is PostingKind {
  return KINDS.some((k) => k === value);
}

/** 出入库登记: receipt, issue, transfer and adjustment forms, one tab each (`?type=` keeps the tab). */
export function PostingPage() {
  const { t } = useI18n();
  const refs = useStockRefs();
  const [params, setParams] = useSearchParams();
  const type = params.get("type");
  const active: PostingKind = isKind(type) ? type : "receipt";

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("posting.title")} subtitle={t("posting.subtitle")} />
      {refs.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : refs.postable.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t("posting.noWarehouses")}
          data-testid="posting-no-warehouses"
        />
      ) : (
        <Card>
          <Tabs
            activeKey={active}
            onChange={(key) => setParams({ type: key }, { replace: true })}
            destroyOnHidden
            items={[
              {
                key: "receipt",
                label: <span data-testid="tab-receipt">{t("posting.tab.receipt")}</span>,
                children: <ReceiptForm refs={refs} />,
              },
              {
                key: "issue",
                label: <span data-testid="tab-issue">{t("posting.tab.issue")}</span>,
                children: <IssueForm refs={refs} />,
              },
              {
                key: "transfer",
                label: <span data-testid="tab-transfer">{t("posting.tab.transfer")}</span>,
                children: <TransferForm refs={refs} />,
              },
              {
                key: "adjust",
                label: <span data-testid="tab-adjust">{t("posting.tab.adjust")}</span>,
                children: <AdjustForm refs={refs} />,
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
