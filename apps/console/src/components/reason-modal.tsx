import { Form, Input, Modal } from 'antd';

export type ReasonModalProps = {
  open: boolean;
  title: string;
  loading?: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
};

/** Asks for the reason that goes with a rejection; the requester reads it. */
export const ReasonModal = ({ open, title, loading, onCancel, onSubmit }: ReasonModalProps) => {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText="Reject"
      okButtonProps={{ danger: true, loading }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason)}>
        <Form.Item label="Reason" name="reason" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};
