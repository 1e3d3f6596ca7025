import { useList } from '@refinedev/core';
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { StatusTag } from '../../components/status-tag';
import type {
  Connection,
  Deployment,
  Integration,
  IntegrationDependencies,
  PublishedVersion,
} from '../../types';
import { BindConnectionButton } from './bind-connection-button';
import { boundConnection, type DeploymentsShow } from './bound-connection';
import { PromoteButton } from './promote-button';
import { UnbindConnectionButton } from './unbind-connection-button';
import { DateText } from '../../components/date-text';

type Props = {
  integration: Integration;
  deployments: Deployment[];
  versions: PublishedVersion[];
  onChanged: (shows: DeploymentsShow) => void;
  /** Deployments of a past moment: shown, not acted on. */
  readOnly?: boolean;
  /** What each environment's version was built against: flags the ones that need attention. */
  dependencies?: IntegrationDependencies;
};

/** The version each environment serves and the connection it serves it from. */
export const DeploymentsTable = ({
  integration,
  deployments,
  versions,
  onChanged,
  readOnly,
  dependencies,
}: Props) => {
  const attention = new Map(
    (dependencies?.environments ?? [])
      .filter(({ needsAttention }) => needsAttention)
      .map((state) => [state.environment, state]),
  );
  const { result } = useList<Connection>({ resource: 'connections', pagination: { mode: 'off' } });
  const names = new Map(result.data.map(({ id, name }) => [id, name]));

  const connection = (deployment: Deployment) => {
    const bound = boundConnection(deployment);
    if (bound) return names.get(bound) ?? bound;
    // Development serves from the integration's own connection until another one is bound.
    if (deployment.environmentKind === 'development' && integration.connectionId)
      return (
        <Typography.Text type="secondary">
          {names.get(integration.connectionId) ?? integration.connectionId} (the integration&apos;s)
        </Typography.Text>
      );
    return (
      <Typography.Text type="warning">
        <WarningOutlined /> No connection bound: calls answer 409
      </Typography.Text>
    );
  };

  return (
    <Card
      title="Deployments"
      size="small"
      role="region"
      aria-label="Deployments"
      extra={
        !readOnly && (
          <PromoteButton integrationId={integration.id} versions={versions} onPromoted={onChanged} />
        )
      }
    >
      <Table<Deployment>
        dataSource={deployments}
        rowKey="environment"
        size="small"
        pagination={false}
        locale={{ emptyText: readOnly ? 'Not deployed anywhere then' : 'Not deployed anywhere yet' }}
      >
        <Table.Column<Deployment>
          dataIndex="environment"
          title="Environment"
          render={(environment: string, deployment) => (
            <Space>
              {environment}
              <StatusTag value={deployment.environmentKind} />
              {attention.get(environment)?.version === deployment.version && (
                <Tooltip
                  title={
                    attention.get(environment)?.republishRequired
                      ? 'A breaking dependency update installed here: deploy a version built against it'
                      : 'Serves a version built before a breaking dependency update installed elsewhere'
                  }
                >
                  <Tag color={attention.get(environment)?.republishRequired ? 'red' : 'gold'}>
                    {attention.get(environment)?.republishRequired ? 'Republish required' : 'Needs attention'}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          )}
        />
        <Table.Column<Deployment> dataIndex="version" title="Version" render={(version) => `v${version}`} />
        <Table.Column<Deployment>
          key="connection"
          title="Connection"
          render={(_, deployment) => connection(deployment)}
        />
        <Table.Column<Deployment>
          dataIndex="deployedAt"
          title="Deployed"
          render={(value: string) => <DateText value={value} format="YYYY-MM-DD HH:mm:ss" />}
        />
        {!readOnly && (
          <Table.Column<Deployment>
            key="actions"
            title="Actions"
            render={(_, deployment) => (
              <Space>
                <BindConnectionButton integration={integration} deployment={deployment} onBound={onChanged} />
                <UnbindConnectionButton
                  integration={integration}
                  deployment={deployment}
                  onUnbound={onChanged}
                />
              </Space>
            )}
          />
        )}
      </Table>
    </Card>
  );
};
