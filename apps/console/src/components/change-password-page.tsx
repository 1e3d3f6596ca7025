import { useState } from 'react';
import { useLogin, type HttpError } from '@refinedev/core';
import { Navigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import type { LoginForm } from '../providers/auth-provider';
import { http } from '../providers/http';
import { readSession } from '../providers/session';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

/**
 * After a login with a one-time password: the user chooses their own, which ends every session (this
 * one too), then is logged in again with it.
 */
export const ChangePasswordPage = () => {
  const session = readSession();
  const { mutate: login } = useLogin<LoginForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  if (!session) return <Navigate to="/login" replace />;

  const change = async ({ currentPassword, newPassword }: PasswordForm) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await http('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      login({ environment: session.environment, username: session.user.username, password: newPassword });
    } catch (error) {
      setProblem((error as HttpError).message || 'The password was not changed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Choose a new password
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {session.user.username}, you logged in with a one-time password: choose your own to continue.
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
        <Form<PasswordForm> layout="vertical" requiredMark={false} onFinish={(values) => void change(values)}>
          <Form.Item label="One-time password" name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label="New password" name="newPassword" rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="New password again"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('The passwords differ')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Change password
          </Button>
        </Form>
      </Card>
    </Layout>
  );
};
