import { useList } from '@refinedev/core';
import { Alert, Result, Skeleton, Space } from 'antd';
import { IntegrationDetails } from '../../components/integration-review-view';
import type { Connection, Integration } from '../../types';
import { DeploymentsTable } from './deployments-table';
import { useIntegrationAsOf } from './use-integration-as-of';

type Props = { integrationId: string; asOf: string; shownAs: string };

/** The integration and where it was deployed at a past moment; nothing here acts on it. */
export const IntegrationAsOf = ({ integrationId, asOf, shownAs }: Props) => {
  const past = useIntegrationAsOf(integrationId, asOf);
  const { result: connections } = useList<Connection>({
    resource: 'connections',
    pagination: { mode: 'off' },
  });
  const connectionName = (integration: Integration) =>
    integration.connectionId === undefined
      ? undefined
      : (connections.data.find(({ id }) => id === integration.connectionId)?.name ??
        integration.connectionId);

  if (past.loading) return <Skeleton active />;
  if (past.notYet)
    return (
      <Result
        status="info"
        title="The integration did not exist yet"
        subTitle={`Nothing was recorded of it at ${shownAs}.`}
      />
    );
  if (past.error || !past.integration)
    return (
      <Alert
        type="warning"
        showIcon
        message="The past state could not be read"
        description={past.error?.message}
      />
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <IntegrationDetails integration={past.integration} connectionName={connectionName(past.integration)} />
      {past.deploymentsLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <DeploymentsTable
          integration={past.integration}
          deployments={past.deployments}
          versions={[]}
          onChanged={() => undefined}
          readOnly
        />
      )}
    </Space>
  );
};
