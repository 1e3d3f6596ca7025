import { useRef, useState } from 'react';
import { useCustomMutation, useGo, useInvalidate, useList, useSubscription } from '@refinedev/core';
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Popover, Spin, theme } from 'antd';
import { Secondary } from './plain-text';
import { DateText } from './date-text';
import type { StreamNotification } from '../providers/live/live-stream';
import { NOTIFICATIONS_CHANNEL } from '../providers/live/stream-resources';
import type { Notification } from '../types';

const LATEST = 10;

const THREE_LINES = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

/** Marks one or all notifications read; the bell reads its list again either way. */
const useMarkRead = () => {
  const invalidate = useInvalidate();
  const { mutate, mutation } = useCustomMutation();
  const mark = (url: string) =>
    mutate(
      { url, method: 'post', values: {}, successNotification: false },
      { onSettled: () => void invalidate({ resource: 'notifications', invalidates: ['list'] }) },
    );
  return {
    markRead: (id: string) => mark(`/notifications/${encodeURIComponent(id)}/read`),
    markAllRead: () => mark('/notifications/read-all'),
    marking: mutation.isPending,
  };
};

const NotificationItem = ({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) => {
  const { token } = theme.useToken();
  return (
    <li
      style={{
        padding: '8px 0',
        borderBottom: `1px solid ${token.colorSplit}`,
        opacity: notification.readAt ? 0.65 : 1,
      }}
    >
      <Button
        type="link"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => onOpen(notification)}
      >
        {notification.readAt ? notification.title : <strong>{notification.title}</strong>}
      </Button>
      {/* Three lines at most; the whole body shows on hover. */}
      <Secondary
        block
        title={notification.body}
        style={{ ...THREE_LINES, whiteSpace: 'pre-line', margin: 0 }}
      >
        {notification.body}
      </Secondary>
      <Secondary style={{ fontSize: 12 }}>
        <DateText value={notification.createdAt} />
      </Secondary>
    </li>
  );
};

/**
 * The header's bell: how many notifications are unread, the latest ones, each a link to what it is about.
 * A new one arrives on the event stream: the list is read again and a toast tells of it.
 */
export const NotificationBell = () => {
  const [open, setOpen] = useState(false);
  const go = useGo();
  const { notification: toast } = App.useApp();
  const { markRead, markAllRead, marking } = useMarkRead();
  const { result, query } = useList<Notification>({
    resource: 'notifications',
    meta: { cursor: true },
    pagination: { pageSize: LATEST },
  });
  const unread = (query.data as { unread?: number } | undefined)?.unread ?? 0;

  const visit = (id: string, link: string, wasRead: boolean) => {
    setOpen(false);
    if (!wasRead) markRead(id);
    go({ to: link });
  };

  // The stream's subscription is made once: it calls the latest render's handler.
  const onArrival = useRef<(notification: StreamNotification) => void>(undefined);
  onArrival.current = ({ id, title, link }) =>
    toast.info({
      key: id,
      message: title,
      description: 'Open it from here or from the bell.',
      // Not over the header, where the bell already tells of it.
      placement: 'bottomRight',
      style: { cursor: 'pointer' },
      onClick: () => {
        toast.destroy(id);
        visit(id, link, false);
      },
    });
  useSubscription({
    channel: NOTIFICATIONS_CHANNEL,
    types: ['created'],
    onLiveEvent: (event) => onArrival.current?.(event.payload as StreamNotification),
  });

  const content = (
    <div style={{ width: 380, maxHeight: 480, overflowY: 'auto' }}>
      {query.isLoading ? (
        <Spin style={{ display: 'block', margin: '16px auto' }} />
      ) : result.data.length === 0 ? (
        <Secondary>No notifications yet</Secondary>
      ) : (
        // A plain list, not antd's List: the bell is on every page, the first one too.
        <ul aria-label="Latest notifications" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {result.data.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              onOpen={({ id, link, readAt }) => visit(id, link, readAt !== undefined)}
            />
          ))}
        </ul>
      )}
    </div>
  );
  const title = (
    <Flex justify="space-between" align="center">
      <span>Notifications</span>
      <Button size="small" type="link" disabled={unread === 0} loading={marking} onClick={markAllRead}>
        Mark all as read
      </Button>
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={title}
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={unread === 0 ? 'Notifications' : `Notifications: ${unread} unread`}
        />
      </Badge>
    </Popover>
  );
};
