import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../auth/paths";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { OWN_AUTH_ERRORS, queryClient, trpc } from "../../trpc";

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, tm } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: OWN_AUTH_ERRORS,
      onSuccess(result) {
        // Nothing cached for an earlier session may show through to this user.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), result.user);
        navigate(safeNext(params.get("next")), { replace: true });
      },
    }),
  );

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-heading">
          <Typography.Title level={3} data-testid="login-title">
            {t("app.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("login.subtitle")}</Typography.Text>
        </div>
        {expired && !login.error && (
          <Alert className="login-alert" type="info" showIcon title={t("login.sessionExpired")} />
        )}
        {login.error && (
          <Alert
            className="login-alert"
            type="error"
            showIcon
            data-testid="login-error"
            title={errorInfo(login.error, t("errors.network"), tm).message}
          />
        )}
        <Form<LoginValues>
          name="login"
          layout="vertical"
          requiredMark={false}
          disabled={login.isPending}
          onFinish={(values) => login.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
