import { useCustomMutation } from '@refinedev/core';
import { Button, Tooltip } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { Integration, PublishStarted } from '../../types';

type Props = {
  integration: Integration;
  /** A publication is running: another cannot start. */
  running: boolean;
  /** The review found nothing missing. */
  ready: boolean;
  onStarted: (started: PublishStarted) => void;
};

/** Publishes a draft integration; the API answers at once and the publication runs on. */
export const PublishButton = ({ integration, running, ready, onStarted }: Props) => {
  const { mutate, mutation } = useCustomMutation<PublishStarted>();
  if (integration.status !== 'draft') return null;

  const publish = () =>
    mutate(
      {
        url: `/integrations/${integration.id}/publish`,
        method: 'post',
        values: {},
        successNotification: (response) => ({
          type: 'success',
          message: response ? `Publishing version ${response.data.version}` : 'Publishing',
        }),
      },
      { onSuccess: ({ data }) => onStarted(data) },
    );

  const why = running ? 'A publication is running' : ready ? undefined : 'Not ready to publish yet';
  return (
    <Tooltip title={why}>
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={running || !ready}
        loading={mutation.isPending}
        onClick={publish}
      >
        Publish
      </Button>
    </Tooltip>
  );
};
