import type { ReactNode } from 'react';
import { useList } from '@refinedev/core';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { describeOption } from '../../components/connection-options';
import { StatusTag } from '../../components/status-tag';
import { useUserNames } from '../../components/use-user-names';
import type { ConnectionRequest, Provider } from '../../types';
import { DateText } from '../../components/date-text';

const none = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

/** Where the requested connection points, in the fields its provider's form asks for. */
const whereItems = ({ provider, details }: ConnectionRequest): [label: string, value: ReactNode][] => {
  switch (provider) {
    case 'sqlite':
      return [['File', details.path]];
    case 'odata':
      return [
        ['Service URL', details.url],
        ['User', details.username ?? none('None (anonymous)')],
      ];
    default:
      return [
        ['Host', details.host],
        ['Port', details.port ?? none(details.options?.instanceName ? 'By instance name' : 'Default')],
        ['Database', details.database ?? none('Any (chosen in the wizard)')],
        ['User', details.username],
      ];
  }
};

/**
 * Everything an administrator decides a connection request on: what is asked for (provider, where it
 * points, user, options), why (the requester's note), who asked and when. Never a password: the API
 * has none to give.
 */
export const RequestDetails = ({ request }: { request: ConnectionRequest }) => {
  const userName = useUserNames();
  const { result: providers } = useList<Provider>({ resource: 'providers', pagination: { mode: 'off' } });
  const providerName = providers.data.find(({ id }) => id === request.provider)?.name ?? request.provider;
  const options = Object.entries(request.details.options ?? {}).map(([name, value]) =>
    describeOption(request.provider, name, value),
  );
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} aria-label="Requested connection">
      <Descriptions.Item label="Connection">{request.name}</Descriptions.Item>
      <Descriptions.Item label="Status">
        <StatusTag value={request.status} />
      </Descriptions.Item>
      <Descriptions.Item label="Environment">{request.environment}</Descriptions.Item>
      <Descriptions.Item label="Provider">{providerName}</Descriptions.Item>
      {whereItems(request).map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="Options" span="filled">
        {options.length > 0 ? (
          <Space size={[0, 4]} wrap>
            {options.map(({ label, value }) => (
              <Tag key={label}>{`${label}: ${value}`}</Tag>
            ))}
          </Space>
        ) : (
          none('None (the connector’s defaults)')
        )}
      </Descriptions.Item>
      <Descriptions.Item label="Note" span="filled">
        {request.note ? (
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{request.note}</Typography.Text>
        ) : (
          none('No note')
        )}
      </Descriptions.Item>
      <Descriptions.Item label="Requested by">{userName(request.requestedBy)}</Descriptions.Item>
      <Descriptions.Item label="Requested">
        <DateText value={request.requestedAt} format="YYYY-MM-DD HH:mm:ss" />
      </Descriptions.Item>
      {request.decidedBy && (
        <Descriptions.Item label="Decided by">{userName(request.decidedBy)}</Descriptions.Item>
      )}
      {request.decidedAt && (
        <Descriptions.Item label="Decided">
          <DateText value={request.decidedAt} format="YYYY-MM-DD HH:mm:ss" />
        </Descriptions.Item>
      )}
      {request.reason && (
        <Descriptions.Item label="Reason" span="filled">
          {request.reason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
};
