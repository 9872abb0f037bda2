import { SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import type { AuditItem, AuditQuery } from "../../lib/api-types";
import { compactJson, DATE_TIME_SECONDS_FORMAT, formatDateTime } from "../../lib/format";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { ACTION_LABELS, ACTION_PREFIXES, TARGET_LABELS } from "./audit-labels";

interface FilterValues {
  userId?: number;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Pick<AuditQuery, "userId" | "action" | "from" | "to">;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the range as the address carries it (YYYY-MM-DD). */
function dayOf(value: string | null): Dayjs | null {
  return value && DATE.test(value) ? dayjs(value) : null;
}

/** The form's values as the address carries them: the user, the action prefix and the days of the range. */
function readValues(params: URLSearchParams): FilterValues {
  const userId = Number(params.get("userId"));
  return {
    userId: Number.isInteger(userId) && userId > 0 ? userId : undefined,
    action: params.get("action")?.trim() || undefined,
    range: [dayOf(params.get("from")), dayOf(params.get("to"))],
  };
}

/** The date range covers whole days: `from` at the first day's midnight, `to` (exclusive) after the last. */
function toFilters(values: FilterValues): Filters {
  const [start, end] = values.range ?? [];
  return {
    ...(values.userId && { userId: values.userId }),
    ...(values.action && { action: values.action }),
    ...(start && { from: start.startOf("day").toISOString() }),
    ...(end && { to: end.add(1, "day").startOf("day").toISOString() }),
  };
}

/** 审计日志 (administrators): who did what and when, filtered and paged on the server. */
export function AuditPage() {
  const { t, aside } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const list = useUrlListState({ defaultPageSize: 20 });
  const values = readValues(list.params);
  const [from, to] = [list.params.get("from"), list.params.get("to")];

  const users = useQuery(trpc.users.list.queryOptions());
  const query = useQuery(
    trpc.audit.list.queryOptions(
      { ...toFilters(values), ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

  // The form follows the address (a reload or the Back button restores the filters).
  useEffect(() => {
    form.setFieldsValue({
      userId: values.userId,
      action: values.action,
      range: [dayOf(from), dayOf(to)],
    });
  }, [form, values.userId, values.action, from, to]);

  const columns: TableColumnsType<AuditItem> = [
    {
      title: t("audit.column.at"),
      dataIndex: "at",
      key: "at",
      width: 170,
      render: (at: string) => formatDateTime(at, DATE_TIME_SECONDS_FORMAT),
    },
    {
      title: t("audit.column.user"),
      dataIndex: "username",
      key: "user",
      width: 120,
      render: (username: string | null) =>
        username ?? <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>,
    },
    {
      title: t("audit.column.action"),
      dataIndex: "action",
      key: "action",
      width: 200,
      render: (action: string) => {
        const label = ACTION_LABELS[action];
        return (
          <Flex vertical>
            {label && <span>{t(label)}</span>}
            <Typography.Text type="secondary" code className="audit-code">
              {action}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t("audit.column.target"),
      key: "target",
      width: 160,
      render: (_v, row) => {
        if (!row.targetType && row.targetIds.length === 0) return "—";
        const label = row.targetType ? TARGET_LABELS[row.targetType] : undefined;
        return (
          <Space size={4} wrap>
            {row.targetType && <Tag>{label ? t(label) : row.targetType}</Tag>}
            {row.targetIds.length > 0 && <span>{row.targetIds.map((id) => `#${id}`).join(", ")}</span>}
          </Space>
        );
      },
    },
    {
      title: t("audit.column.summary"),
      dataIndex: "summary",
      key: "summary",
      render: (summary: unknown) => {
        const { short, full } = compactJson(summary);
        return (
          <Tooltip title={<pre className="audit-json">{full}</pre>} styles={{ root: { maxWidth: 560 } }}>
            <Typography.Text code className="audit-code">
              {short}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      title: t("audit.column.ip"),
      dataIndex: "ip",
      key: "ip",
      width: 130,
      render: (ip: string | null) => ip ?? "—",
    },
  ];

  const apply = (next: FilterValues) => {
    const [start, end] = next.range ?? [];
    list.setFilters({
      userId: next.userId,
      action: next.action?.trim(),
      from: start?.format("YYYY-MM-DD"),
      to: end?.format("YYYY-MM-DD"),
    });
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("audit.title")} />
      <Card size="small">
        <Form<FilterValues>
          form={form}
          layout="inline"
          name="audit-filters"
          onFinish={apply}
          className="audit-filters"
        >
          <Form.Item name="userId" label={t("audit.filter.user")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              className="audit-filter-user"
              placeholder={t("audit.filter.userPlaceholder")}
              loading={users.isPending}
              options={(users.data ?? []).map((u) => ({
                value: u.id,
                label: aside(u.displayName, u.username),
              }))}
              data-testid="audit-filter-user"
            />
          </Form.Item>
          <Form.Item name="action" label={t("audit.filter.action")}>
            <AutoComplete
              allowClear
              className="audit-filter-action"
              placeholder={t("audit.filter.actionPlaceholder")}
              options={ACTION_PREFIXES.map((value) => ({ value }))}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item name="range" label={t("audit.filter.range")}>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t("common.search")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t("common.reset")}
              </Button>
              <RefreshButton query={query} />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<AuditItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.rows ?? []}
          loading={query.isFetching}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
          {...list.tableProps<AuditItem>(query.data?.total)}
        />
      )}
    </Flex>
  );
}
