import { Show } from '@refinedev/antd';
import { useShow, type HttpError } from '@refinedev/core';
import { Descriptions, Space, Tag } from 'antd';
import { DetailsAndHistory } from '../../components/details-and-history';
import { StatusTag } from '../../components/status-tag';
import { useUserNames } from '../../components/use-user-names';
import type { Connection } from '../../types';
import { auditLinkOf } from '../audit/audit-search';
import { ConnectionActions } from './connection-actions';
import { serverOf } from './connection-server';
import { TestConnectionButton } from './test-connection-button';
import { DateText } from '../../components/date-text';

/**
 * A connection and its history; never its password (the API has none to give). Administrators of its
 * environment change, rotate and delete it here.
 */
export const ConnectionShow = () => {
  const userName = useUserNames();
  const { result: connection, query, showId: id } = useShow<Connection>({ errorNotification: false });
  const connectionId = String(id ?? '');
  return (
    <Show
      isLoading={false}
      title={connection?.name ?? 'Connection'}
      headerButtons={
        connection &&
        !connection.deleted && (
          <Space>
            <TestConnectionButton connectionId={connection.id} />
            <ConnectionActions
              connection={connection}
              onReload={async () => (await query.refetch()).data?.data}
            />
          </Space>
        )
      }
    >
      <DetailsAndHistory
        path={`/connections/${connectionId}`}
        auditLink={auditLinkOf('connection', connectionId)}
        error={query.error as HttpError | null}
        details={
          connection && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Name">{connection.name}</Descriptions.Item>
              <Descriptions.Item label="Environment">{connection.environment}</Descriptions.Item>
              <Descriptions.Item label="Provider">{connection.provider}</Descriptions.Item>
              <Descriptions.Item label="Server">{serverOf(connection.details)}</Descriptions.Item>
              <Descriptions.Item label="User">{connection.details.username}</Descriptions.Item>
              <Descriptions.Item label="Secret">
                {connection.hasSecret ? <Tag color="green">stored</Tag> : <Tag>none</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="Created by">{userName(connection.createdBy)}</Descriptions.Item>
              <Descriptions.Item label="Created">
                <DateText value={connection.createdAt} format="YYYY-MM-DD HH:mm" />
              </Descriptions.Item>
              {connection.requestedBy && (
                <Descriptions.Item label="Requested by">{userName(connection.requestedBy)}</Descriptions.Item>
              )}
              {connection.deleted && (
                <Descriptions.Item label="State">
                  <StatusTag value="deleted" />
                </Descriptions.Item>
              )}
            </Descriptions>
          )
        }
      />
    </Show>
  );
};
