import type { HttpError } from '@refinedev/core';
import { Edit, useForm } from '@refinedev/antd';
import { Checkbox, Descriptions, Form, Input, Typography } from 'antd';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS } from '../../components/notification-kinds';
import type { MyProfile, MyProfileChange } from '../../types';

const KIND_OPTIONS = NOTIFICATION_KINDS.map((kind) => ({
  value: kind,
  label: NOTIFICATION_KIND_LABELS[kind],
}));

/** An empty field removes the address (null); the server checks the address itself and names what is wrong. */
const toChange = ({ email, notifications }: MyProfileChange): MyProfileChange => ({
  email: email?.trim() ? email.trim() : null,
  notifications: { email: notifications?.email ?? [] },
});

/** The caller's own address and which notifications also reach them by email (GET and PUT /users/me). */
export const ProfilePage = () => {
  const { formProps, saveButtonProps, query } = useForm<MyProfile, HttpError, MyProfileChange>({
    resource: 'users',
    id: 'me',
    action: 'edit',
    redirect: false,
    // A change made elsewhere would otherwise reset the fields under the user's hands.
    liveMode: 'off',
    successNotification: { type: 'success', message: 'Profile saved' },
  });
  const profile = query?.data?.data;
  return (
    <Edit
      title="Profile and notifications"
      breadcrumb={false}
      goBack={false}
      headerButtons={() => null}
      saveButtonProps={saveButtonProps}
    >
      {profile && (
        <Descriptions size="small" column={1} style={{ marginBottom: 24, maxWidth: 640 }}>
          <Descriptions.Item label="Username">{profile.username}</Descriptions.Item>
          {profile.displayName && <Descriptions.Item label="Name">{profile.displayName}</Descriptions.Item>}
        </Descriptions>
      )}
      <Form
        {...formProps}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(values) => formProps.onFinish?.(toChange(values))}
      >
        <Form.Item
          label="Email address"
          name="email"
          extra="Where the notifications you choose below are sent. Leave it empty to get none by email."
        >
          <Input inputMode="email" autoComplete="email" placeholder="you@example.com" />
        </Form.Item>
        <Form.Item label="Also send by email" name={['notifications', 'email']}>
          <Checkbox.Group
            options={KIND_OPTIONS}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          Every notification shows under the bell in the console, whether or not it also goes by email.
        </Typography.Paragraph>
      </Form>
    </Edit>
  );
};
