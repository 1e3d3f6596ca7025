import { Avatar, Button, Space, Upload, message } from 'antd';
import { AppstoreOutlined, UploadOutlined } from '@ant-design/icons';

const MAX_BYTES = 64 * 1024;

type Props = { value?: string; onChange?: (value: string | undefined) => void };

/** The application icon travels as a data URI, so it is kept small. */
export const IconPicker = ({ value, onChange }: Props) => {
  const read = (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error('Choose an image of at most 64 KB');
      return Upload.LIST_IGNORE;
    }
    const reader = new FileReader();
    reader.onload = () => onChange?.(String(reader.result));
    reader.readAsDataURL(file);
    return false;
  };
  return (
    <Space>
      <Avatar shape="square" size={48} src={value} icon={<AppstoreOutlined />} />
      <Upload accept="image/png,image/jpeg,image/svg+xml" showUploadList={false} beforeUpload={read}>
        <Button icon={<UploadOutlined />}>Choose image</Button>
      </Upload>
      {value && <Button onClick={() => onChange?.(undefined)}>Remove</Button>}
    </Space>
  );
};
