import { useState } from 'react';
import { useGo } from '@refinedev/core';
import { Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Connection } from '../../types';
import { ConnectionBoundModal } from './connection-bound-modal';
import { useConnectionCommand } from './use-connection-command';

/** Deletes a connection that serves nothing; a bound one shows where it serves instead. */
export const DeleteConnectionButton = ({ connection }: { connection: Connection }) => {
  const go = useGo();
  const [bound, setBound] = useState<string>();
  const { run, isRunning } = useConnectionCommand(connection);

  const remove = async () => {
    const outcome = await run({
      path: '',
      method: 'delete',
      successMessage: 'Connection deleted',
      shownOnPage: ['CONNECTION.BOUND'],
    });
    if (outcome.kind === 'applied') go({ to: '/connections' });
    if (outcome.kind === 'refused' && outcome.error.code === 'CONNECTION.BOUND')
      setBound(outcome.error.message);
  };

  return (
    <>
      <Popconfirm
        title="Delete this connection?"
        description="Its password is destroyed for good; its history stays."
        okText="Delete"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove()}
      >
        <Button size="small" danger icon={<DeleteOutlined />} loading={isRunning}>
          Delete
        </Button>
      </Popconfirm>
      <ConnectionBoundModal
        connection={connection}
        detail={bound}
        open={bound !== undefined}
        onClose={() => setBound(undefined)}
      />
    </>
  );
};
