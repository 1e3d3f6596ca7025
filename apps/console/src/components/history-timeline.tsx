import type { CSSProperties } from 'react';
import { useCan, useCustom, useGo, type HttpError } from '@refinedev/core';
import { Alert, Button, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import type { HistoryEntry, Items, StateChange } from '../types';
import { DateText } from './date-text';

const ADDED = { background: '#f6ffed', color: '#237804' };
const REMOVED = { background: '#fff1f0', color: '#a8071a', textDecoration: 'line-through' };
const INLINE = 80;

/** A value as JSON: on the line when short, else indented in a block of its own. */
const Value = ({ value, style }: { value: unknown; style: CSSProperties }) => {
  const line = JSON.stringify(value) ?? 'undefined';
  if (line.length <= INLINE) return <Typography.Text style={style}>{line}</Typography.Text>;
  return (
    <pre style={{ ...style, margin: '4px 0', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
};

/** One change as `path: before -> after`; what was added or removed shows as such, in its colour. */
const Change = ({ change }: { change: StateChange }) => {
  const { path } = change;
  const added = !('before' in change);
  const removed = !('after' in change);
  return (
    <li data-path={path}>
      <Typography.Text code>{path || '(the whole object)'}</Typography.Text>:{' '}
      {added ? (
        <>
          <Tag color="green">added</Tag> <Value value={change.after} style={ADDED} />
        </>
      ) : removed ? (
        <>
          <Tag color="red">removed</Tag> <Value value={change.before} style={REMOVED} />
        </>
      ) : (
        <>
          <Value value={change.before} style={REMOVED} />
          {' -> '}
          <Value value={change.after} style={ADDED} />
        </>
      )}
    </li>
  );
};

type EntryProps = { entry: HistoryEntry; onShowAsOf?: (recordedAt: string) => void };

const Entry = ({ entry, onShowAsOf }: EntryProps) => (
  <div role="listitem" aria-label={`${entry.type} by ${entry.actor.username}`}>
    <Space wrap>
      <strong>{entry.type}</strong>
      <Tag>v{entry.version}</Tag>
      <Typography.Text type="secondary">
        <DateText value={entry.recordedAt} format="YYYY-MM-DD HH:mm:ss" /> by {entry.actor.username}
      </Typography.Text>
      {onShowAsOf && (
        <Button size="small" type="link" onClick={() => onShowAsOf(entry.recordedAt)}>
          Show as it was then
        </Button>
      )}
    </Space>
    {entry.changes.length === 0 ? (
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Nothing this page shows changed
      </Typography.Paragraph>
    ) : (
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, wordBreak: 'break-word' }}>
        {entry.changes.map((change) => (
          <Change key={change.path} change={change} />
        ))}
      </ul>
    )}
  </div>
);

type Props = {
  /** The object's path, e.g. `/integrations/<id>`: its history is `<path>/history`. */
  path: string;
  /** The same object in the audit log (`/audit?aggregate=...&id=...`). */
  auditLink?: string;
  /** Shows the object as it was right after an entry (when its page can show a past state). */
  onShowAsOf?: (recordedAt: string) => void;
};

/**
 * An object's history, folded from the event log by the API: every event that changed it, newest
 * first, who made it and what it changed. Read when shown (a tab), and again on demand.
 */
export const HistoryTimeline = ({ path, auditLink, onShowAsOf }: Props) => {
  const go = useGo();
  const { data: mayAudit } = useCan({ resource: 'audit', action: 'list' });
  const { query } = useCustom<Items<HistoryEntry>>({
    url: `${path}/history`,
    method: 'get',
    queryOptions: { refetchOnWindowFocus: false },
    errorNotification: false,
  });
  const entries = [...(query.data?.data.items ?? [])].reverse();
  const error = query.error as HttpError | null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} aria-label="History">
      <Space>
        <Button loading={query.isFetching} onClick={() => void query.refetch()}>
          Refresh
        </Button>
        {auditLink && mayAudit?.can === true && (
          <Button icon={<AuditOutlined />} onClick={() => go({ to: auditLink })}>
            In the audit log
          </Button>
        )}
      </Space>
      {query.isLoading && <Skeleton active />}
      {error && (
        <Alert type="warning" showIcon message="The history could not be read" description={error.message} />
      )}
      {query.isSuccess && entries.length === 0 && <Empty description="No history" />}
      {entries.length > 0 && (
        <div role="list" aria-label="History entries">
          <Timeline
            items={entries.map((entry, index) => ({
              key: index,
              children: <Entry entry={entry} onShowAsOf={onShowAsOf} />,
            }))}
          />
        </div>
      )}
    </Space>
  );
};
