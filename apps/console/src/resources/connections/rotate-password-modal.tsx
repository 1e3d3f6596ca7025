import { Form, Input, Modal, Typography } from 'antd';
import type { Connection } from '../../types';
import { useConnectionCommand } from './use-connection-command';

type Props = { connection: Connection; open: boolean; onClose: () => void };

type Values = { password: string };

/** A new password for the connection; the form forgets it once closed, and nothing shows it back. */
export const RotatePasswordModal = ({ connection, open, onClose }: Props) => {
  const [form] = Form.useForm<Values>();
  const { run, isRunning } = useConnectionCommand(connection);

  const rotate = async ({ password }: Values) => {
    const outcome = await run({
      path: '/password',
      method: 'put',
      values: { password },
      successMessage: 'Password rotated',
    });
    if (outcome.kind === 'applied' || outcome.kind === 'pending') onClose();
    else form.resetFields();
  };

  return (
    <Modal
      open={open}
      title={`Rotate the password of "${connection.name}"`}
      okText="Rotate"
      okButtonProps={{ loading: isRunning }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        The new password is stored encrypted and the old one destroyed: it can never be read again.
        Connections opened with the old one are closed.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void rotate(values)}>
        <Form.Item
          label="New password"
          name="password"
          rules={[{ required: true, message: 'Enter the new password' }]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};
