import { EditOutlined, KeyOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Flex, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { UserItem } from "../../lib/api-types";
import { formatDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { ResetPasswordModal } from "./ResetPasswordModal";
import { UserFormModal } from "./UserFormModal";

type Dialog = { kind: "create" } | { kind: "edit"; user: UserItem } | { kind: "reset"; user: UserItem };

/**
 * 用户管理: accounts, their roles, and password resets — every account for administrators, the enterprise users
 * (each bound to one partner enterprise) for the commerce bureau, as the server lists them.
 */
export function UsersPage() {
  const { t } = useI18n();
  const query = useQuery(trpc.users.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const columns: TableColumnsType<UserItem> = [
    { title: t("users.column.username"), dataIndex: "username", key: "username" },
    { title: t("users.column.displayName"), dataIndex: "displayName", key: "displayName" },
    {
      title: t("users.column.role"),
      dataIndex: "role",
      key: "role",
      render: (role: UserItem["role"]) => (
        <Tag color={role === "admin" ? "red" : "blue"}>{t(`role.${role}`)}</Tag>
      ),
    },
    {
      title: t("users.column.active"),
      dataIndex: "active",
      key: "active",
      render: (active: boolean) => (
        <Badge status={active ? "success" : "default"} text={t(active ? "users.active" : "users.inactive")} />
      ),
    },
    {
      title: t("users.column.createdAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t("users.column.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_v, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDialog({ kind: "edit", user })}
            data-testid={`user-edit-${user.username}`}
          >
            {t("common.edit")}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            onClick={() => setDialog({ kind: "reset", user })}
            data-testid={`user-reset-${user.username}`}
          >
            {t("users.reset.action")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("users.title")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: "create" })}
            data-testid="user-create"
          >
            {t("users.create")}
          </Button>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<UserItem>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          pagination={false}
          data-testid="users-table"
        />
      )}
      {dialog?.kind === "create" && <UserFormModal user={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === "edit" && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === "reset" && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
