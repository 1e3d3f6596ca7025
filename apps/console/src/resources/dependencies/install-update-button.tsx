import { useState } from 'react';
import { useCustomMutation } from '@refinedev/core';
import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import type { Dependency, DependencyUpdateDraft } from '../../types';

type Props = { dependency: Dependency; environment: string; onInstalled: (version: string) => void };

const VERSION = /^\d+\.\d+\.\d+$/;

/**
 * Installs a newer version of a runtime dependency in one environment (each runs its own runtime); a
 * breaking one calls for a republish of what is deployed there.
 */
export const InstallUpdateButton = ({ dependency, environment, onInstalled }: Props) => {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DependencyUpdateDraft>();
  const breaking = Form.useWatch('breaking', form);
  const { mutate, mutation } = useCustomMutation();

  const install = ({ version, breaking: isBreaking, notes }: DependencyUpdateDraft) =>
    mutate(
      {
        url: `/dependencies/${encodeURIComponent(dependency.name)}/updates`,
        method: 'post',
        values: {
          version,
          environment,
          breaking: isBreaking ?? false,
          ...(notes?.trim() ? { notes: notes.trim() } : {}),
        },
        successNotification: {
          type: 'success',
          message: `${dependency.name} ${version} installed in ${environment}`,
        },
      },
      {
        onSuccess: () => {
          setOpen(false);
          onInstalled(version);
        },
      },
    );

  return (
    <>
      <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => setOpen(true)}>
        Install update
      </Button>
      <Modal
        open={open}
        title={`Install an update of ${dependency.name} in ${environment}`}
        okText="Install"
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => form.resetFields()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ breaking: false }} onFinish={install}>
          <Form.Item
            label="Version"
            name="version"
            extra={`Installed now in ${environment}: ${dependency.version}`}
            rules={[{ required: true }, { pattern: VERSION, message: 'A version is x.y.z' }]}
          >
            <Input placeholder="x.y.z" autoFocus />
          </Form.Item>
          <Form.Item
            name="breaking"
            valuePropName="checked"
            extra="A new major version is breaking anyway; tick this for a breaking minor or patch."
          >
            <Checkbox>Breaking</Checkbox>
          </Form.Item>
          {breaking && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={`Every integration deployed in ${environment} built against an older version will need a republish`}
            />
          )}
          <Form.Item label="Notes" name="notes" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
