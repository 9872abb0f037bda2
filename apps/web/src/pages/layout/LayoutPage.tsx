import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { AdvicePanel } from "./AdvicePanel";
import { DraftsPanel } from "./DraftsPanel";
import { EvaluationPanel } from "./EvaluationPanel";
import { townshipNames } from "./layoutTypes";
import { PricesPanel } from "./PricesPanel";

const TABS = ["evaluation", "advice", "drafts", "prices"] as const;
type LayoutTab = (typeof TABS)[number];

/**
 * 储备布局: today's evaluation of every township's risk scenarios, layout advice (transfers within N truckloads,
 * purchases within a budget) with its map, the draft transfers of accepted advice, and the purchase prices.
 * `?tab=` keeps the tab, `?advice=` the advice on screen.
 */
export function LayoutPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: LayoutTab = TABS.find((k) => k === params.get("tab")) ?? "evaluation";
  // The register names every township a scenario belongs to.
  const risks = useQuery(trpc.risks.list.queryOptions());
  const townships = townshipNames(risks.data);

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("layout.page.title")} subtitle={t("layout.page.subtitle")} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            // The advice on screen stays when coming back to it; the drafts' filters and page do not.
            const advice = params.get("advice");
            setParams({ tab: key, ...(advice && { advice }) }, { replace: true });
          }}
          destroyOnHidden
          items={[
            {
              key: "evaluation",
              label: <span data-testid="layout-tab-evaluation">{t("layout.tab.evaluation")}</span>,
              children: <EvaluationPanel townships={townships} />,
            },
            {
              key: "advice",
              label: <span data-testid="layout-tab-advice">{t("layout.tab.advice")}</span>,
              children: <AdvicePanel townships={townships} />,
            },
            {
              key: "drafts",
              label: <span data-testid="layout-tab-drafts">{t("layout.tab.drafts")}</span>,
              children: <DraftsPanel />,
            },
            {
              key: "prices",
              label: <span data-testid="layout-tab-prices">{t("layout.tab.prices")}</span>,
              children: <PricesPanel />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
