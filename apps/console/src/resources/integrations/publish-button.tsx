import { useRef } from 'react';
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

const startedMessage = ({ version, status }: PublishStarted) =>
  status === 'published'
    ? `Version ${version} already publishes this draft`
    : `Publishing version ${version}`;

/**
 * Publishes a draft integration; the API answers at once and the publication runs on. The button stays
 * disabled from the click until the publication has ended, so a double click sends one request (the
 * API answers a second one with the same publication anyway).
 */
export const PublishButton = ({ integration, running, ready, onStarted }: Props) => {
  const { mutate, mutation } = useCustomMutation<PublishStarted>();
  // Set at once, where the mutation's pending state only shows after the next render.
  const sending = useRef(false);
  if (integration.status !== 'draft') return null;

  const publish = () => {
    if (sending.current) return;
    sending.current = true;
    mutate(
      {
        url: `/integrations/${integration.id}/publish`,
        method: 'post',
        values: {},
        successNotification: (response) => ({
          type: 'success',
          message: response ? startedMessage(response.data) : 'Publishing',
        }),
      },
      {
        onSuccess: ({ data }) => onStarted(data),
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  const busy = running || mutation.isPending;
  const why = busy ? 'A publication is running' : ready ? undefined : 'Not ready to publish yet';
  return (
    <Tooltip title={why}>
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={busy || !ready}
        loading={mutation.isPending}
        onClick={publish}
      >
        Publish
      </Button>
    </Tooltip>
  );
};
