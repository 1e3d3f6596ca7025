import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { ConnectionFields } from '../../components/connection-fields';
import type { Connection, ConnectionChange } from '../../types';
import { useConnectionCommand } from './use-connection-command';

type Props = {
  /** The connection as the administrator saw it when opening the form (mounted then, with it). */
  connection: Connection;
  onClose: () => void;
  /** Reads the connection again: after a change made meanwhile, the form shows it as it is now. */
  onReload: () => Promise<Connection | undefined>;
};

type Values = Pick<Connection, 'name' | 'details'>;

const valuesOf = ({ name, details }: Connection): Values => ({ name, details });

/**
 * The connection's name, details and options, as they are, to change. The whole details go back (what
 * the form leaves out is removed); neither the provider, the environment nor the password change here.
 * The version sent is that of the connection shown in the form: a live refresh of the page beneath does
 * not move it, so a change made meanwhile is refused rather than overwritten unseen.
 */
export const EditConnectionModal = ({ connection, onClose, onReload }: Props) => {
  const [form] = Form.useForm<Values>();
  const [seen, setSeen] = useState(connection);
  const [stale, setStale] = useState(false);
  const { run, isRunning } = useConnectionCommand(seen);

  const save = async ({ name, details }: Values) => {
    const change: ConnectionChange = { name, details };
    const outcome = await run({
      path: '',
      method: 'patch',
      values: change,
      successMessage: 'Connection saved',
      shownOnPage: ['PRECONDITION_FAILED'],
    });
    if (outcome.kind === 'applied' || outcome.kind === 'pending') onClose();
    if (outcome.kind !== 'stale') return;
    setStale(true);
    const current = await onReload();
    if (!current) return;
    setSeen(current);
    form.setFieldsValue(valuesOf(current));
  };

  return (
    <Modal
      open
      title={`Edit "${seen.name}"`}
      okText="Save"
      okButtonProps={{ loading: isRunning }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
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
        initialValues={valuesOf(seen)}
        onFinish={(values) => void save(values)}
      >
        <ConnectionFields environment={seen.environment} provider={seen.provider} editing />
      </Form>
    </Modal>
  );
};
