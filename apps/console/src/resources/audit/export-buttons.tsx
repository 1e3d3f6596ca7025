import { useState } from 'react';
import { useNotification, type HttpError } from '@refinedev/core';
import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile } from '../../providers/download';
import type { AuditSearch } from './audit-search';

const FORMATS = [
  { format: 'ndjson', label: 'NDJSON' },
  { format: 'csv', label: 'CSV' },
] as const;

/** Downloads every event the current filters find (not only the pages shown), as the API streams them. */
export const ExportButtons = ({ search }: { search: AuditSearch }) => {
  const [running, setRunning] = useState<string>();
  const { open } = useNotification();

  const download = async (format: string) => {
    setRunning(format);
    try {
      await downloadFile('/audit/export', `audit.${format}`, { ...search, format });
    } catch (error) {
      open?.({
        type: 'error',
        message: 'The audit log could not be exported',
        description: (error as Partial<HttpError>).message,
      });
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <Space>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={running === format}
          disabled={running !== undefined && running !== format}
          onClick={() => void download(format)}
        >
          Export {label}
        </Button>
      ))}
    </Space>
  );
};
