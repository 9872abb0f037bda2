import { Alert, Card, Flex, Skeleton, Tag, Typography } from "antd";
import { useMemo } from "react";
import { RatioText } from "../../components/coverage/CoverageTags";
import { useI18n } from "../../i18n";
import {
  type CoverageSummary,
  categoryLabel,
  reachRatio,
  type TownshipCoverage,
  type TownshipReach,
} from "../../lib/coverage";

/** How many of the townships furthest below their target the card names. */
const WORST_SHOWN = 5;

/**
 * Coverage within reach for the district: how many townships the stock that can reach them within 10 hours
 * over today's roads cannot equip to their target, and the ones furthest below it, with what holds each back.
 */
export function ReachCard({
  townships,
  reach,
  summary,
  percent,
}: {
  townships: readonly TownshipCoverage[];
  reach: readonly TownshipReach[] | undefined;
  summary: CoverageSummary | undefined;
  /** The target ratio shown, in percent. */
  percent: string;
}) {
  const { t, formatNumber, locale } = useI18n();
  const short = useMemo(() => {
    const target = new Map(townships.map((row) => [row.areaId, row.targetPeople] as const));
    return (reach ?? [])
      .map((row) => {
        const targetPeople = target.get(row.areaId) ?? 0;
        return { ...row, targetPeople, ratio: reachRatio(row.peopleWithinReach, targetPeople) };
      })
      .filter((row) => row.ratio < 1)
      .sort((a, b) => a.ratio - b.ratio || b.targetPeople - a.targetPeople);
  }, [townships, reach]);
  const nameOf = (found: { categoryId: number; name: string }) => {
    const category = summary?.categories.find((c) => c.categoryId === found.categoryId);
    return category ? categoryLabel(category, locale) : found.name;
  };

  if (!reach || townships.length === 0) {
    return (
      <Card title={t("home.reach.title")}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  }
  const total = reach.length;
  return (
    <Card title={t("home.reach.title")} data-testid="reach-card">
      <Flex vertical gap={12}>
        <Alert
          type={short.length > 0 ? "warning" : "success"}
          showIcon
          data-testid="reach-short"
          data-value={short.length}
          title={
            short.length > 0
              ? t("home.reach.short", { count: short.length, total, percent })
              : t("home.reach.allMet", { total, percent })
          }
          description={t("home.reach.rule")}
        />
        {short.length > 0 && (
          <div className="compact-list">
            <Typography.Text strong>{t("home.reach.worst")}</Typography.Text>
            {short.slice(0, WORST_SHOWN).map((row) => (
              <Flex
                key={row.areaId}
                justify="space-between"
                align="center"
                gap={12}
                wrap
                className="compact-list-item"
                data-testid="reach-worst"
                data-name={row.name}
              >
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{row.name}</Typography.Text>
                  {!row.inNetwork ? (
                    <Tag color="red">{t("home.reach.notInNetwork")}</Tag>
                  ) : (
                    row.warehouses.length === 0 && <Tag color="red">{t("home.reach.cutOff")}</Tag>
                  )}
                  {row.bottleneckCategory && row.warehouses.length > 0 && (
                    <Typography.Text type="secondary">
                      {t("common.labelled", {
                        label: t("coverage.townships.bottleneck"),
                        value: nameOf(row.bottleneckCategory),
                      })}
                    </Typography.Text>
                  )}
                </Flex>
                <Flex gap={8} align="baseline">
                  <span className="qty" data-testid="reach-worst-people" data-value={row.peopleWithinReach}>
                    {t("home.reach.figure", {
                      people: formatNumber(row.peopleWithinReach),
                      target: formatNumber(row.targetPeople),
                    })}
                  </span>
                  <RatioText ratio={row.ratio} />
                </Flex>
              </Flex>
            ))}
          </div>
        )}
      </Flex>
    </Card>
  );
}
