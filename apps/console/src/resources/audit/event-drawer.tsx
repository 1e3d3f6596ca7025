import { useGo } from '@refinedev/core';
import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { JsonBlock } from '../../components/json-block';
import type { AuditEvent } from '../../types';
import { objectLinkOf } from './object-link';
import { DateText } from '../../components/date-text';

type Props = {
  event: AuditEvent | undefined;
  onClose: () => void;
  /** Narrows the log to the events of the request that recorded this one. */
  onCorrelation: (correlationId: string) => void;
};

/** One event as recorded: what it says (data) and about whom, when and why (its metadata). */
export const EventDrawer = ({ event, onClose, onCorrelation }: Props) => {
  const go = useGo();
  const link = event && objectLinkOf(event);
  return (
    <Drawer
      open={event !== undefined}
      onClose={onClose}
      width={720}
      title={event ? `#${event.position} ${event.type}` : undefined}
      extra={
        link && (
          <Button type="primary" icon={<ExportOutlined />} onClick={() => go({ to: link.to })}>
            {link.label}
          </Button>
        )
      }
    >
      {event && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Position">{event.position}</Descriptions.Item>
            <Descriptions.Item label="Recorded">
              <DateText value={event.recordedAt} format="YYYY-MM-DD HH:mm:ss.SSS" />
            </Descriptions.Item>
            <Descriptions.Item label="Type">
              <Tag>{event.type}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="Stream">
              <code>{event.streamId}</code> v{event.streamVersion}
            </Descriptions.Item>
            <Descriptions.Item label="Actor">
              {event.actor.username}
              {event.actor.username !== event.actor.id && (
                <Typography.Text type="secondary"> ({event.actor.id})</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="Environment">{event.environment ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="Correlation id">
              <Space>
                <code>{event.correlationId}</code>
                <Button size="small" type="link" onClick={() => onCorrelation(event.correlationId)}>
                  Events of this request
                </Button>
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>Data</Typography.Title>
            <JsonBlock value={event.data} label="Event data" />
          </div>
          <div>
            <Typography.Title level={5}>Metadata</Typography.Title>
            <JsonBlock
              label="Event metadata"
              value={{
                eventId: event.eventId,
                streamId: event.streamId,
                streamVersion: event.streamVersion,
                recordedAt: event.recordedAt,
                actor: event.actor,
                environment: event.environment,
                correlationId: event.correlationId,
                causationId: event.causationId,
              }}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
};
