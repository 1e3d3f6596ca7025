import { useCustomMutation } from '@refinedev/core';
import { Button, Popconfirm } from 'antd';
import { SyncOutlined } from '@ant-design/icons';

type Started = { runId: string; integrationIds?: string[]; status: string };

/** Republishes the integrations built in this environment that a breaking update here affected, as one run followed below. */
export const RepublishButton = ({ onStarted }: { onStarted: (runId: string) => void }) => {
  const { mutate, mutation } = useCustomMutation<Started>();
  const start = () =>
    mutate(
      {
        url: '/integrations/republish',
        method: 'post',
        values: {},
        successNotification: (response) => ({
          type: 'success',
          message:
            response?.data.integrationIds === undefined
              ? 'Republish started'
              : `Republishing ${response.data.integrationIds.length} integration(s)`,
        }),
      },
      { onSuccess: ({ data }) => onStarted(data.runId) },
    );
  return (
    <Popconfirm
      title="Republish every affected integration built here?"
      description="Each gets a new version, built against the installed dependencies."
      okText="Republish"
      onConfirm={start}
    >
      <Button type="primary" icon={<SyncOutlined />} loading={mutation.isPending}>
        Republish affected integrations
      </Button>
    </Popconfirm>
  );
};
