import { useState } from 'react';
import { useCustom } from '@refinedev/core';
import { Empty, Select, Space, Table, Typography } from 'antd';
import { DateText } from '../../components/date-text';
import { PageFrame } from '../../components/page-frame';
import { StatusTag } from '../../components/status-tag';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import { useEventually } from '../../components/use-eventually';
import { useLiveRefresh } from '../../components/use-live-refresh';
import { useUserNames } from '../../components/use-user-names';
import { currentEnvironment } from '../../providers/session';
import type { ApiKey, Items } from '../../types';
import { ApiKeyScopeTags, ApiKeyUsageSummary } from './api-key-scope';
import { CreateApiKeyButton } from './create-api-key-button';
import { RevokeApiKeyButton } from './revoke-api-key-button';

/** The keys apps call the data API of an environment with, for the administrators of that environment. */
export const ApiKeyList = () => {
  const environments = useAdminEnvironments();
  const [chosen, setChosen] = useState<string>();
  const environment =
    chosen ?? (environments.includes(currentEnvironment()) ? currentEnvironment() : environments[0]);
  const userName = useUserNames();
  const eventually = useEventually<Items<ApiKey>>();
  const { query } = useCustom<Items<ApiKey>>({
    url: `/environments/${encodeURIComponent(environment ?? '')}/api-keys`,
    method: 'get',
    queryOptions: { enabled: environment !== undefined, refetchInterval: eventually.refetchInterval },
  });
  useLiveRefresh('api-keys', () => environment !== undefined && query.refetch());
  const keys = query.data?.data.items ?? [];

  /** After a write: read the keys until the key shows with the status it now has. */
  const changed = (keyId: string, status: ApiKey['status']) => {
    eventually.expect(
      (data) => data?.items.some((key) => key.id === keyId && key.status === status) ?? false,
    );
    void query.refetch();
  };

  return (
    <PageFrame
      title="API keys"
      buttons={
        <Space>
          <Typography.Text id="api-keys-environment">Environment</Typography.Text>
          <Select
            aria-labelledby="api-keys-environment"
            style={{ minWidth: 180 }}
            value={environment}
            onChange={setChosen}
            options={environments.map((name) => ({ value: name, label: name }))}
          />
          {environment && (
            <CreateApiKeyButton environment={environment} onCreated={(key) => changed(key.id, 'active')} />
          )}
        </Space>
      }
    >
      {environment === undefined ? (
        <Empty description="You administer no environment" />
      ) : (
        <Table<ApiKey>
          dataSource={keys}
          rowKey="id"
          loading={query.isLoading}
          locale={{ emptyText: 'No keys yet' }}
        >
          <Table.Column<ApiKey> dataIndex="appName" title="App" />
          <Table.Column<ApiKey> dataIndex="label" title="Label" />
          <Table.Column<ApiKey>
            dataIndex="hint"
            title="Key"
            render={(hint: string) => <Typography.Text code>{hint}</Typography.Text>}
          />
          <Table.Column<ApiKey>
            dataIndex="scope"
            title="Scope"
            render={(scope: ApiKey['scope']) => <ApiKeyScopeTags scope={scope} />}
          />
          <Table.Column<ApiKey>
            dataIndex="usage"
            title="Usage"
            render={(usage: ApiKey['usage']) => <ApiKeyUsageSummary usage={usage} />}
          />
          <Table.Column<ApiKey>
            dataIndex="status"
            title="Status"
            render={(status: string) => <StatusTag value={status} />}
          />
          <Table.Column<ApiKey> dataIndex="createdBy" title="Created by" render={userName} />
          <Table.Column<ApiKey>
            dataIndex="createdAt"
            title="Created"
            render={(value: string) => <DateText value={value} />}
          />
          <Table.Column<ApiKey>
            dataIndex="revokedAt"
            title="Revoked"
            render={(value?: string) => value && <DateText value={value} />}
          />
          <Table.Column<ApiKey>
            key="actions"
            title="Actions"
            render={(_, key) =>
              key.status === 'active' && (
                <RevokeApiKeyButton apiKey={key} onRevoked={() => changed(key.id, 'revoked')} />
              )
            }
          />
        </Table>
      )}
    </PageFrame>
  );
};
