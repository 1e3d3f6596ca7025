import { useEffect, useState } from 'react';
import { useLogin } from '@refinedev/core';
import { Alert, App, Button, Card, Form, Input, Layout, Typography } from 'antd';
import type { LoginForm } from '../providers/auth-provider';
import { sessionExpired } from '../providers/session';

/** Environment, then the IT user's credentials: the builder only works in a development environment. */
export const LoginPage = () => {
  const { mutate: login, isPending } = useLogin<LoginForm>();
  const { notification } = App.useApp();
  // Read once: the notice stays until this page is left, though a login attempt forgets it.
  const [expired] = useState(sessionExpired);
  // A session starts clean: the notices of the previous one (maybe another user's) do not follow it.
  useEffect(() => notification.destroy(), [notification]);
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Integration Builder
        </Typography.Title>
        {expired && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message="Your session expired: log in again"
            description="You will be back on the page you were on."
          />
        )}
        <Form<LoginForm>
          layout="vertical"
          requiredMark={false}
          initialValues={{ environment: 'development' }}
          onFinish={(values) => login(values)}
        >
          <Form.Item label="Environment" name="environment" rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="Username" name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Password" name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isPending}>
            Log in
          </Button>
        </Form>
      </Card>
    </Layout>
  );
};
