import { useOne } from '@refinedev/core';
import { Link } from 'react-router';
import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import { JsonBlock } from '../../components/json-block';
import type { ChangeRequest, Connection, Integration } from '../../types';
import { changeFacts } from './change-request-model';

type Props = { request: ChangeRequest; compact?: boolean };
type Item = NonNullable<DescriptionsProps['items']>[number];

/** The integration a change names, by name once it can be read (its id until then, or when it cannot). */
const IntegrationName = ({ id }: { id: string }) => {
  const { result } = useOne<Integration>({
    resource: 'integrations',
    id,
    errorNotification: false,
    queryOptions: { retry: false },
  });
  return <Link to={`/integrations/show/${id}`}>{result?.applicationName ?? id}</Link>;
};

const ConnectionName = ({ id }: { id: string }) => {
  const { result } = useOne<Connection>({
    resource: 'connections',
    id,
    errorNotification: false,
    queryOptions: { retry: false },
  });
  return <Link to={`/connections/show/${id}`}>{result?.name ?? id}</Link>;
};

/**
 * What a change request changes, as the call asked for it: the integration, version and connection it
 * names, a forced deployment's reason, a connection's details. The API keeps no password in it.
 */
export const ChangeDetails = ({ request, compact }: Props) => {
  const facts = changeFacts(request.change);
  const details = facts.connection?.details ?? facts.edit?.details;
  const items: Item[] = [];
  if (facts.integrationId)
    items.push({
      key: 'integration',
      label: 'Integration',
      children: <IntegrationName id={facts.integrationId} />,
    });
  if (facts.version !== undefined)
    items.push({ key: 'version', label: 'Version', children: `v${facts.version}` });
  if (facts.connectionId)
    items.push({
      key: 'connection',
      label: 'Connection',
      children: <ConnectionName id={facts.connectionId} />,
    });
  if (facts.force)
    items.push({
      key: 'force',
      label: 'Deploy anyway',
      children: (
        <>
          <Tag color="red">Schema differences accepted</Tag>
          {facts.reason}
        </>
      ),
    });
  if (facts.connection)
    items.push({
      key: 'new-connection',
      label: 'New connection',
      children: `${facts.connection.name ?? ''} (${facts.connection.provider ?? ''})`,
    });
  if (facts.edit?.name !== undefined)
    items.push({ key: 'new-name', label: 'New name', children: facts.edit.name });
  if (details !== undefined)
    items.push({
      key: 'details',
      label: 'Details',
      children: <JsonBlock value={details} label="Connection details" />,
    });
  if (facts.fourEyes !== undefined)
    items.push({ key: 'four-eyes', label: 'Four eyes', children: facts.fourEyes ? 'On' : 'Off' });
  if (items.length === 0) return null;
  return (
    <Descriptions size="small" column={1} bordered={!compact} items={items} aria-label="What it changes" />
  );
};
