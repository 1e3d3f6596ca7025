import { useState } from 'react';
import { useLogin, useNotification, type HttpError } from '@refinedev/core';
import { Navigate } from 'react-router';
import { Alert, Button, Card, Form, type FormInstance, Input, Layout, Typography } from 'antd';
import type { LoginForm } from '../providers/auth-provider';
import { http } from '../providers/http';
import { readSession } from '../providers/session';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

/** The fields the API's problem details may name (`errors[].field`). */
const ANSWERED_FIELDS = ['currentPassword', 'newPassword'] as const;

/** The API's minimum (ChangePasswordBody), said before the round trip. */
const MIN_LENGTH = 8;

/**
 * POST /api/auth/password ends every session of the user, this one too: the page logs them in again
 * with the new password. A wrong current password is said on its field, anything else above the form.
 */
const useChangePassword = (form: FormInstance<PasswordForm>, onChanged: () => void) => {
  const session = readSession();
  const { mutate: login } = useLogin<LoginForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const change = async ({ currentPassword, newPassword }: PasswordForm) => {
    if (!session) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await http('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      onChanged();
      login({ environment: session.environment, username: session.user.username, password: newPassword });
    } catch (error) {
      const { message, errors } = error as HttpError;
      const said = (errors ?? {}) as Partial<Record<keyof PasswordForm, string[]>>;
      const fields = ANSWERED_FIELDS.flatMap((name) => (said[name] ? [{ name, errors: said[name] }] : []));
      if (fields.length > 0) form.setFields(fields);
      else setProblem(message || 'The password was not changed');
    } finally {
      setBusy(false);
    }
  };
  return { session, busy, problem, change };
};

const PasswordFields = ({
  form,
  currentLabel,
  busy,
  onFinish,
}: {
  form: FormInstance<PasswordForm>;
  currentLabel: string;
  busy: boolean;
  onFinish: (values: PasswordForm) => void;
}) => (
  <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
    <Form.Item label={currentLabel} name="currentPassword" rules={[{ required: true }]}>
      <Input.Password autoComplete="current-password" autoFocus />
    </Form.Item>
    <Form.Item
      label="New password"
      name="newPassword"
      extra={`At least ${MIN_LENGTH} characters.`}
      rules={[{ required: true, min: MIN_LENGTH }]}
    >
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
);

/**
 * After a login with a one-time password (outside the console, whose pages that session may not
 * open): the user chooses their own password, then is logged in again with it.
 */
export const OneTimePasswordPage = () => {
  const [form] = Form.useForm<PasswordForm>();
  const { session, busy, problem, change } = useChangePassword(form, () => undefined);
  if (!session) return <Navigate to="/login" replace />;
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
        <PasswordFields
          form={form}
          currentLabel="One-time password"
          busy={busy}
          onFinish={(values) => void change(values)}
        />
      </Card>
    </Layout>
  );
};

/** Any logged-in user changes their own password (from the user menu). */
export const ChangePasswordPage = () => {
  const [form] = Form.useForm<PasswordForm>();
  const { open } = useNotification();
  const { busy, problem, change } = useChangePassword(form, () =>
    open?.({
      type: 'success',
      message: 'Password changed',
      description: 'Your other sessions have ended: log in there again with the new password.',
    }),
  );
  return (
    <Card title="Change password" style={{ maxWidth: 480 }}>
      <Typography.Paragraph type="secondary">
        Changing it ends every session you have open, in other browsers too; this one continues.
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <PasswordFields
        form={form}
        currentLabel="Current password"
        busy={busy}
        onFinish={(values) => void change(values)}
      />
    </Card>
  );
};
