import { useState } from 'react';
import { CanAccess, useList } from '@refinedev/core';
import { Space, Table, Tag, Typography } from 'antd';
import { DateText } from '../../components/date-text';
import { PageFrame } from '../../components/page-frame';
import { useEventually } from '../../components/use-eventually';
import { useTableProps } from '../../components/use-table-props';
import { useUserNames } from '../../components/use-user-names';
import { currentEnvironment } from '../../providers/session';
import type { Dependency, Environment } from '../../types';
import { InstallUpdateButton } from './install-update-button';
import { RepublishButton } from './republish-button';
import { RepublishRunCard } from './republish-run-card';
import { UpdateHistory } from './update-history';

/**
 * The runtime dependencies published integrations run on, in the environment the user is logged in to
 * (each environment runs its own): installed versions and their updates. Integrations are republished
 * where they are built, so the republish is offered in a development environment only.
 */
export const DependencyList = () => {
  const environment = currentEnvironment();
  const { result: environments } = useList<Environment>({
    resource: 'environments',
    pagination: { mode: 'off' },
  });
  const builder = environments.data.some(({ name, kind }) => name === environment && kind === 'development');
  const userName = useUserNames();
  const [runId, setRunId] = useState<string>();
  const eventually = useEventually<Dependency[]>();
  const { tableProps, tableQuery } = useTableProps<Dependency>({
    syncWithLocation: true,
    pagination: { mode: 'off' },
    queryOptions: { refetchInterval: eventually.refetchInterval },
  });

  const installed = (name: string, version: string) => {
    eventually.expect(
      (items) => items?.some((item) => item.name === name && item.version === version) ?? false,
    );
    void tableQuery.refetch();
  };

  return (
    <PageFrame
      title={`Dependencies in ${environment}`}
      buttons={
        builder && (
          <CanAccess resource="dependencies" action="republish">
            <RepublishButton onStarted={setRunId} />
          </CanAccess>
        )
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          The versions installed in {environment}. An update installed here marks only the integrations
          deployed here.
        </Typography.Text>
        {runId && <RepublishRunCard runId={runId} onClose={() => setRunId(undefined)} />}
        <Table<Dependency>
          {...tableProps}
          rowKey="name"
          expandable={{
            rowExpandable: (dependency) => dependency.updates.length > 0,
            expandedRowRender: (dependency) => <UpdateHistory updates={dependency.updates} />,
          }}
        >
          <Table.Column<Dependency> dataIndex="name" title="Name" />
          <Table.Column<Dependency>
            dataIndex="version"
            title="Installed version"
            render={(version: string, dependency) => (
              <Space>
                {version}
                {dependency.updated && <Tag color="blue">updated</Tag>}
              </Space>
            )}
          />
          <Table.Column<Dependency> dataIndex="shippedVersion" title="Shipped version" />
          <Table.Column<Dependency>
            key="updates"
            title="Updates"
            align="right"
            render={(_, dependency) => dependency.updates.length}
          />
          <Table.Column<Dependency> dataIndex="installedBy" title="Installed by" render={userName} />
          <Table.Column<Dependency>
            dataIndex="installedAt"
            title="Installed"
            render={(value?: string) => value && <DateText value={value} />}
          />
          <Table.Column<Dependency>
            key="actions"
            title="Actions"
            render={(_, dependency) => (
              <CanAccess resource="dependencies" action="install">
                <InstallUpdateButton
                  dependency={dependency}
                  environment={environment}
                  onInstalled={(version) => installed(dependency.name, version)}
                />
              </CanAccess>
            )}
          />
        </Table>
      </Space>
    </PageFrame>
  );
};
