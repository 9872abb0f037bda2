import { SafetyCertificateOutlined } from "@ant-design/icons";
import { PLAN_APPROVERS, type PlanApprover } from "@relief/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Radio, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";

/**
 * 系统设置 (administrators): the district's choices that change who may do what. Today one: whether dispatchers
 * or leaders approve a dispatch plan into orders (administrators always may).
 */
export function SettingsPage() {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const [choice, setChoice] = useState<PlanApprover | null>(null);
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => {
        setChoice(null);
        void queryClient.invalidateQueries(trpc.settings.pathFilter());
        message.success(t("common.saved"));
      },
    }),
  );

  if (settings.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;
  const current = settings.data;
  const shown = choice ?? current.planApproval;

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <Card
        size="small"
        title={
          <Space>
            <SafetyCertificateOutlined />
            {t("settings.approval.title")}
          </Space>
        }
        data-testid="settings-approval"
      >
        <Flex vertical gap={12} align="start">
          <Typography.Text type="secondary">{t("settings.approval.hint")}</Typography.Text>
          <Radio.Group
            value={shown}
            onChange={(e) => setChoice(e.target.value as PlanApprover)}
            data-testid="settings-plan-approval"
          >
            <Flex vertical gap={8}>
              {PLAN_APPROVERS.map((code) => (
                <Radio key={code} value={code} data-testid={`settings-plan-approval-${code}`}>
                  <Space size={8}>
                    {t(`settings.planApproval.${code}`)}
                    <Typography.Text type="secondary">{t(`settings.approval.note.${code}`)}</Typography.Text>
                  </Space>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          {save.isError && (
            <Alert type="error" showIcon title={errorInfo(save.error, t("errors.network"), tm).message} />
          )}
          <Space>
            <Button
              type="primary"
              disabled={shown === current.planApproval}
              loading={save.isPending}
              onClick={() => save.mutate({ planApproval: shown })}
              data-testid="settings-save"
            >
              {t("common.save")}
            </Button>
            <Typography.Text type="secondary" data-testid="settings-updated">
              {current.updatedAt
                ? t("settings.updated", {
                    at: formatDateTime(current.updatedAt),
                    by: current.updatedBy ?? "",
                  })
                : t("settings.defaults")}
            </Typography.Text>
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}
