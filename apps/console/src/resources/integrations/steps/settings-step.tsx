import type { ChangeEvent } from 'react';
import { Form, Input, Radio } from 'antd';
import { IconPicker } from '../../../components/icon-picker';
import { NULL_POLICY_HELP, NULL_POLICY_OPTIONS } from '../null-policy';

/** The service module takes the application name with an `_IS` suffix until the user names it. */
export const SettingsStep = () => {
  const form = Form.useFormInstance();
  const suggestModuleName = (event: ChangeEvent<HTMLInputElement>) => {
    if (!form.isFieldTouched('moduleName')) form.setFieldValue('moduleName', `${event.target.value}_IS`);
  };
  return (
    <>
      <Form.Item
        label="Application name"
        name="applicationName"
        rules={[{ required: true, whitespace: true, message: 'Name the application' }]}
      >
        <Input onChange={suggestModuleName} autoFocus />
      </Form.Item>
      <Form.Item
        label="Module name"
        name="moduleName"
        extra="The service module that apps add as a dependency."
        rules={[{ required: true, whitespace: true }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label="Description" name="description">
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label="Icon" name="icon">
        <IconPicker />
      </Form.Item>
      <Form.Item label="Null values" name="nullPolicy" initialValue="preserve" extra={NULL_POLICY_HELP}>
        <Radio.Group options={NULL_POLICY_OPTIONS} />
      </Form.Item>
    </>
  );
};
