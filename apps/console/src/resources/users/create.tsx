import type { HttpError } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Checkbox, Form, Input } from 'antd';
import { RoleGrantsField } from '../../components/role-grants-field';
import { currentEnvironment, readSession } from '../../providers/session';
import type { RoleGrant, UserView } from '../../types';

type UserDraft = {
  username: string;
  password: string;
  displayName?: string;
  roles: RoleGrant[];
  owner?: boolean;
};

/** An IT user with role grants per environment. */
export const UserCreate = () => {
  const { formProps, saveButtonProps } = useForm<UserView, HttpError, UserDraft>();
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ roles: [{ environment: currentEnvironment(), role: 'developer' }] }}
      >
        <Form.Item label="Username" name="username" rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Display name" name="displayName">
          <Input />
        </Form.Item>
        <Form.Item label="Password" name="password" rules={[{ required: true, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleGrantsField />
        {readSession()?.user.owner === true && (
          <Form.Item
            name="owner"
            valuePropName="checked"
            extra="Owners create environments and run the installation's operations."
          >
            <Checkbox>Owner of the installation</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Create>
  );
};
