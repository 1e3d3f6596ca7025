import type { HttpError } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Form } from 'antd';
import { ConnectionFields } from '../../components/connection-fields';
import { currentEnvironment } from '../../providers/session';
import type { Connection, ConnectionDraft } from '../../types';

/** Administrators create connections; the password goes to the secret store, never back out. */
export const ConnectionCreate = () => {
  const { formProps, saveButtonProps } = useForm<Connection, HttpError, ConnectionDraft>();
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 640 }}>
        <ConnectionFields defaultEnvironment={currentEnvironment()} />
      </Form>
    </Create>
  );
};
