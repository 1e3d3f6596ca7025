import { useEffect } from 'react';
import { useLogin } from '@refinedev/core';
import { App, Button, Card, Form, Input, Layout, Typography } from 'antd';
import type { LoginForm } from '../providers/auth-provider';

/** Environment, then the IT user's credentials: the builder only works in a development environment. */
export const LoginPage = () => {
  const { mutate: login, isPending } = useLogin<LoginForm>();
  const { notification } = App.useApp();
  // A session starts clean: the notices of the previous one (maybe another user's) do not follow it.
  useEffect(() => notification.destroy(), [notification]);
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Integration Builder
        </Typography.Title>
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
