import { useState } from 'react';
import { useNotification, type HttpError } from '@refinedev/core';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile } from '../providers/download';

type Props = { integrationId: string; version: number; moduleName?: string };

/** Downloads a version's generated package (a tar), also of a failed publication that generated one. */
export const PackageDownloadButton = ({ integrationId, version, moduleName }: Props) => {
  const [loading, setLoading] = useState(false);
  const { open } = useNotification();

  const download = async () => {
    setLoading(true);
    try {
      await downloadFile(
        `/integrations/${integrationId}/versions/${version}/package`,
        `${moduleName ?? 'package'}-${version}.tar`,
      );
    } catch (error) {
      open?.({
        type: 'error',
        message: 'The package could not be downloaded',
        description: (error as Partial<HttpError>).message,
      });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={loading}
      onClick={() => void download()}
      aria-label={`Download package of version ${version}`}
    >
      Package
    </Button>
  );
};
