import { useState } from 'react';
import { useCustomMutation } from '@refinedev/core';
import { Alert, Button, Checkbox, Form, Modal, Popconfirm, Typography } from 'antd';
import { EditOutlined, KeyOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { RoleGrantsField } from '../../components/role-grants-field';
import { ifMatch } from '../../providers/http';
import { readSession } from '../../providers/session';
import type { PasswordReset, RoleGrant, UserView } from '../../types';

type Props = { user: UserView; onChanged: () => void };

/** Disables a user (every session ends at once, no login until enabled) or enables them again. */
export const DisableButton = ({ user, onChanged }: Props) => {
  const { mutate, mutation } = useCustomMutation<UserView>();
  const disabled = !user.disabled;
  const change = () =>
    mutate(
      {
        url: `/users/${user.id}`,
        method: 'patch',
        values: { disabled },
        config: { headers: ifMatch(user.version) },
        successNotification: {
          type: 'success',
          message: `${user.username} ${disabled ? 'disabled' : 'enabled'}`,
        },
      },
      { onSuccess: onChanged },
    );
  return (
    <Popconfirm
      title={disabled ? `Disable ${user.username}?` : `Enable ${user.username}?`}
      description={
        disabled ? 'They are logged out at once and cannot log in until enabled again.' : undefined
      }
      okText={disabled ? 'Disable' : 'Enable'}
      onConfirm={change}
    >
      <Button
        danger={disabled}
        loading={mutation.isPending}
        icon={disabled ? <StopOutlined /> : <CheckCircleOutlined />}
      >
        {disabled ? 'Disable' : 'Enable'}
      </Button>
    </Popconfirm>
  );
};

/** Sets a one-time password and shows it once: the user must change it when they log in with it. */
export const ResetPasswordButton = ({ user, onChanged }: Props) => {
  const { mutate, mutation } = useCustomMutation<PasswordReset>();
  const [oneTimePassword, setOneTimePassword] = useState<string>();
  const reset = () =>
    mutate(
      { url: `/users/${user.id}/password-reset`, method: 'post', values: {} },
      {
        onSuccess: ({ data }) => {
          setOneTimePassword(data.oneTimePassword);
          onChanged();
        },
      },
    );
  return (
    <>
      <Popconfirm
        title={`Reset the password of ${user.username}?`}
        description="They are logged out at once; their current password stops working."
        okText="Reset"
        onConfirm={reset}
      >
        <Button loading={mutation.isPending} icon={<KeyOutlined />}>
          Reset password
        </Button>
      </Popconfirm>
      <Modal
        open={oneTimePassword !== undefined}
        title={`One-time password for ${user.username}`}
        footer={<Button onClick={() => setOneTimePassword(undefined)}>Done</Button>}
        onCancel={() => setOneTimePassword(undefined)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="Shown this once: hand it to the user, who must choose a new password when logging in with it."
        />
        <Typography.Paragraph copyable code style={{ fontSize: 18 }} aria-label="One-time password">
          {oneTimePassword}
        </Typography.Paragraph>
      </Modal>
    </>
  );
};

type RolesDraft = { roles: RoleGrant[]; owner?: boolean };

/** Replaces the user's role grants (withdrawing any ends their sessions). */
export const EditRolesButton = ({ user, onChanged }: Props) => {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RolesDraft>();
  const { mutate, mutation } = useCustomMutation<UserView>();
  const save = ({ roles, owner }: RolesDraft) =>
    mutate(
      {
        url: `/users/${user.id}`,
        method: 'patch',
        values: { roles, ...(owner === undefined ? {} : { owner }) },
        config: { headers: ifMatch(user.version) },
        successNotification: { type: 'success', message: `Roles of ${user.username} changed` },
      },
      {
        onSuccess: () => {
          setOpen(false);
          onChanged();
        },
      },
    );
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
        Edit roles
      </Button>
      <Modal
        open={open}
        title={`Roles of ${user.username}`}
        okText="Save"
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={600}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ roles: user.roles, owner: user.owner }}
          onFinish={save}
        >
          <RoleGrantsField />
          {readSession()?.user.owner === true && (
            <Form.Item name="owner" valuePropName="checked">
              <Checkbox>Owner of the installation</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
};
