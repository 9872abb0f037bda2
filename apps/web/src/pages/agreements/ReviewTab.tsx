import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Flex, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { DeclarationTable } from "../../components/agreements/DeclarationTable";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { FormModal } from "../../components/FormModal";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import type { DeclarationView } from "../../lib/api-types";
import { errorInfo } from "../../lib/errors";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";

type Decision = { decision: "accept" } | { decision: "return"; reason: string };

/**
 * 待审核申报: what the enterprises submitted on their portal, newest first a page at a time, to
 * accept or return — one row at a time or the selected rows together. Each review is the server's own
 * (`declarations.review`, once per declaration); a batch stops at nothing and reports what it could not do.
 */
export function ReviewTab({ canReview }: { canReview: boolean }) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const list = useUrlListState({ defaultPageSize: 50 });
  const enterpriseId = Number(list.params.get("enterpriseId")) || undefined;
  const query = useQuery(
    trpc.agreements.declarations.queryOptions(
      { status: "submitted", enterpriseId, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [returning, setReturning] = useState<number[] | null>(null);
  const review = useMutation(trpc.declarations.review.mutationOptions());

  /** Reviews each declaration in turn; true when every one went through. */
  const decide = async (ids: readonly number[], decision: Decision): Promise<boolean> => {
    const failures: unknown[] = [];
    for (const id of ids) {
      await review.mutateAsync({ id, ...decision }).catch((error: unknown) => failures.push(error));
    }
    void invalidateAgreements();
    void queryClient.invalidateQueries(trpc.coverage.pathFilter());
    setSelected((current) => current.filter((id) => !ids.includes(id)));
    const done = ids.length - failures.length;
    if (failures.length === 0) {
      message.success(
        t(decision.decision === "accept" ? "reviewQueue.accepted" : "reviewQueue.returned", { count: done }),
      );
      return true;
    }
    message.error(
      t("reviewQueue.partly", {
        done,
        failed: failures.length,
        message: errorInfo(failures[0], t("errors.network"), tm).message,
      }),
    );
    return false;
  };

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={12} data-testid="review-queue">
      <Typography.Text type="secondary">{t("reviewQueue.hint")}</Typography.Text>
      <Space wrap className="stock-filters">
        <EnterpriseSelect
          allowClear
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={enterpriseId}
          onChange={(id) => list.setFilters({ enterpriseId: id })}
          data-testid="review-filter-enterprise"
        />
        <RefreshButton query={query} />
        {canReview && (
          <>
            <Button
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              loading={review.isPending}
              onClick={() => void decide(selected, { decision: "accept" })}
              data-testid="review-accept-selected"
            >
              {t("reviewQueue.acceptSelected", { count: selected.length })}
            </Button>
            <Button
              danger
              icon={<RollbackOutlined />}
              disabled={selected.length === 0}
              onClick={() => setReturning(selected)}
              data-testid="review-return-selected"
            >
              {t("reviewQueue.returnSelected", { count: selected.length })}
            </Button>
          </>
        )}
      </Space>
      <DeclarationTable
        rows={query.data?.rows ?? []}
        loading={query.isFetching}
        showEnterprise
        serverPaging={list.tableProps(query.data?.total)}
        testId="review-table"
        rowSelection={
          canReview
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }
            : undefined
        }
        actions={
          canReview
            ? (d: DeclarationView) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<CheckOutlined />}
                    disabled={review.isPending}
                    onClick={() => void decide([d.id], { decision: "accept" })}
                    data-testid={`review-accept-${d.id}`}
                  >
                    {t("declarations.decision.accept")}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<RollbackOutlined />}
                    onClick={() => setReturning([d.id])}
                    data-testid={`review-return-${d.id}`}
                  >
                    {t("declarations.decision.return")}
                  </Button>
                </Space>
              )
            : undefined
        }
      />
      {returning && (
        <ReturnModal
          count={returning.length}
          onReturn={(reason) => decide(returning, { decision: "return", reason })}
          onClose={() => setReturning(null)}
        />
      )}
    </Flex>
  );
}

/** 退回: the one reason the enterprise will read on each declaration returned. */
function ReturnModal({
  count,
  onReturn,
  onClose,
}: {
  count: number;
  onReturn: (reason: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const [pending, setPending] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setPending(true);
    const done = await onReturn(v.reason?.trim() ?? "");
    setPending(false);
    if (done) onClose();
  };
  return (
    <FormModal
      title={t("reviewQueue.return.title")}
      okText={t("declarations.decision.return")}
      okTestId="review-return-ok"
      danger
      pending={pending}
      onOk={submit}
      onClose={onClose}
      form={form}
      // The server's refusals of a batch are reported per declaration by `decide`, not on this form.
      failure={null}
      intro={<Typography.Text type="secondary">{t("reviewQueue.return.intro", { count })}</Typography.Text>}
    >
      <Form form={form} layout="vertical" name="review-return">
        <Form.Item
          name="reason"
          label={t("reviewQueue.reason")}
          rules={[{ required: true, whitespace: true, message: t("reviewQueue.reasonRequired") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
