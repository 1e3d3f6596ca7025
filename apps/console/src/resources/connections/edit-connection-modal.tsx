import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { ConnectionFields } from '../../components/connection-fields';
import type { Connection, ConnectionChange } from '../../types';
import { useConnectionCommand } from './use-connection-command';

type Props = {
  connection: Connection;
  open: boolean;
  onClose: () => void;
  /** Reads the connection again: after a change made meanwhile, the form shows it as it is now. */
  onReload: () => Promise<Connection | undefined>;
};

type Values = Pick<Connection, 'name' | 'details'>;

const valuesOf = ({ name, details }: Connection): Values => ({ name, details });

/**
 * The connection's name, details and options, as they are, to change. The whole details go back (what
 * the form leaves out is removed); neither the provider, the environment nor the password change here.
 */
export const EditConnectionModal = ({ connection, open, onClose, onReload }: Props) => {
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const { run, isRunning } = useConnectionCommand(connection);

  const save = async ({ name, details }: Values) => {
    const change: ConnectionChange = { name, details };
    const outcome = await run({
      path: '',
      method: 'patch',
      values: change,
      successMessage: 'Connection saved',
    });
    if (outcome.kind === 'applied' || outcome.kind === 'pending') onClose();
    if (outcome.kind !== 'stale') return;
    setStale(true);
    const current = await onReload();
    if (current) form.setFieldsValue(valuesOf(current));
  };

  return (
    <Modal
      open={open}
      title={`Edit "${connection.name}"`}
      okText="Save"
      okButtonProps={{ loading: isRunning }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        setStale(false);
        form.resetFields();
      }}
      width={640}
      destroyOnHidden
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="Someone else changed this connection meanwhile"
          description="Nothing was saved. The form now shows the connection as it is: check it, then save again."
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={valuesOf(connection)}
        onFinish={(values) => void save(values)}
      >
        <ConnectionFields environment={connection.environment} provider={connection.provider} editing />
      </Form>
    </Modal>
  );
};
