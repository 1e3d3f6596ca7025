import { useState } from 'react';
import { CanAccess } from '@refinedev/core';
import { Button, Space } from 'antd';
import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import type { Connection } from '../../types';
import { DeleteConnectionButton } from './delete-connection-button';
import { EditConnectionModal } from './edit-connection-modal';
import { RotatePasswordModal } from './rotate-password-modal';

type Props = {
  connection: Connection;
  onReload: () => Promise<Connection | undefined>;
};

/** What administrators of the connection's environment do with it; others do not see these. */
export const ConnectionActions = ({ connection, onReload }: Props) => {
  const [open, setOpen] = useState<'edit' | 'rotate'>();
  const close = () => setOpen(undefined);
  const params = { environment: connection.environment };
  return (
    <Space>
      <CanAccess resource="connections" action="edit" params={params}>
        <Button size="small" icon={<EditOutlined />} onClick={() => setOpen('edit')}>
          Edit
        </Button>
        {open === 'edit' && (
          <EditConnectionModal connection={connection} onClose={close} onReload={onReload} />
        )}
        {/* SQLite connections have no password (the API refuses to rotate one). */}
        {connection.provider !== 'sqlite' && (
          <>
            <Button size="small" icon={<KeyOutlined />} onClick={() => setOpen('rotate')}>
              Rotate password
            </Button>
            <RotatePasswordModal connection={connection} open={open === 'rotate'} onClose={close} />
          </>
        )}
      </CanAccess>
      <CanAccess resource="connections" action="delete" params={params}>
        <DeleteConnectionButton connection={connection} />
      </CanAccess>
    </Space>
  );
};
