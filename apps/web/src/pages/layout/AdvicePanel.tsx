import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, InputNumber, Popconfirm, Skeleton } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { FormFailureAlert, useFormFailure } from "../../components/FormFailure";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canEditLayout } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { AdviceResult } from "./AdviceResult";
import { newRunId, RunProgressAlert } from "./RunProgress";

interface AdviseValues {
  maxTruckloads: number | null;
  budgetYuan: number | null;
}

const FIELDS = ["maxTruckloads", "budgetYuan"];
const DRAFTS_LINK = "/layout?tab=drafts";

/**
 * 布局建议: civil affairs ask for advice (truckloads at most, a budget if purchases are wanted) and accept it; the
 * advice on screen is `?advice=` in the address, so it can be reopened and shared.
 */
export function AdvicePanel({ townships }: { townships: ReadonlyMap<number, string> }) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const editor = canEditLayout(user.role);
  const [params, setParams] = useSearchParams();
  const adviceId = Number(params.get("advice")) || null;
  const [form] = Form.useForm<AdviseValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  // The name of the advice being computed, under which its progress is read.
  const [runId, setRunId] = useState(newRunId);

  const advice = useQuery({
    ...trpc.layout.advice.queryOptions({ adviceId: adviceId ?? 0 }),
    enabled: adviceId !== null,
  });
  const advise = useMutation(
    trpc.layout.advise.mutationOptions({
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.layout.advice.queryKey({ adviceId: view.adviceId }), view);
        setParams({ tab: "advice", advice: String(view.adviceId) }, { replace: true });
      },
      onError: fail,
    }),
  );
  const accept = useMutation(
    trpc.layout.accept.mutationOptions({
      onSuccess: (drafts) => {
        void queryClient.invalidateQueries(trpc.layout.pathFilter());
        message.success(t("layout.advice.acceptedDone", { count: drafts.length }));
      },
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );

  const submit = (values: AdviseValues) => {
    clear();
    const run = newRunId();
    setRunId(run);
    advise.mutate({
      maxTruckloads: values.maxTruckloads ?? 0,
      ...(values.budgetYuan !== null && values.budgetYuan !== undefined && { budgetYuan: values.budgetYuan }),
      runId: run,
    });
  };

  const view = advice.data;
  const actions = view && (
    <Flex gap={8} wrap align="center">
      {view.acceptedAt ? (
        <Alert
          type="success"
          showIcon
          data-testid="advice-accepted"
          title={t("layout.advice.accepted", { at: formatDistrictDateTime(view.acceptedAt) })}
          action={
            <Link to={DRAFTS_LINK} data-testid="advice-to-drafts">
              {t("layout.advice.toDrafts")}
            </Link>
          }
        />
      ) : (
        editor &&
        view.transfers.length > 0 && (
          <Popconfirm
            title={t("layout.advice.acceptConfirm")}
            okText={t("layout.advice.accept")}
            cancelText={t("common.cancel")}
            onConfirm={() => accept.mutate({ adviceId: view.adviceId })}
          >
            <Button type="primary" loading={accept.isPending} data-testid="advice-accept">
              {t("layout.advice.accept")}
            </Button>
          </Popconfirm>
        )
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      {editor ? (
        <Card size="small">
          <FormFailureAlert failure={failure} />
          <Form<AdviseValues>
            form={form}
            layout="inline"
            name="advise"
            initialValues={{ maxTruckloads: 10, budgetYuan: null }}
            onFinish={submit}
          >
            <Form.Item name="maxTruckloads" label={t("layout.advise.truckloads")}>
              <InputNumber min={0} precision={0} data-testid="advise-truckloads" />
            </Form.Item>
            <Form.Item name="budgetYuan" label={t("layout.advise.budget")}>
              <InputNumber min={0} style={{ width: 180 }} data-testid="advise-budget" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={advise.isPending} data-testid="advise-submit">
              {t("layout.advise.submit")}
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t("layout.advise.readOnly")} />
      )}
      {advise.isPending && (
        <RunProgressAlert runId={runId} fallback={t("layout.advise.running")} testId="advise-running" />
      )}
      {adviceId !== null &&
        (advice.isError ? (
          <QueryError error={advice.error} onRetry={() => advice.refetch()} />
        ) : view ? (
          <AdviceResult advice={view} townships={townships} actions={actions} />
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} />
        ))}
    </Flex>
  );
}
