import type { LiveEvent, LiveProvider } from '@refinedev/core';
import { apiUrl, http } from './http';
import { ChannelRefresh } from './live/channel-refresh';
import { LiveStream } from './live/live-stream';
import { NOTIFICATIONS_CHANNEL, channelOf, resourcesOfStream } from './live/stream-resources';

type Subscription = Readonly<{
  channel: string;
  types: readonly string[];
  callback: (event: LiveEvent) => void;
}>;

/** What Refine's hooks listen to in this tab; the one stream feeds them all. */
const subscriptions = new Set<Subscription>();

const deliver = (event: LiveEvent): void => {
  for (const subscription of [...subscriptions])
    if (
      subscription.channel === event.channel &&
      (subscription.types.includes('*') || subscription.types.includes(event.type))
    )
      subscription.callback(event);
};

const changes = new ChannelRefresh((channel) =>
  deliver({ channel, type: 'updated', payload: {}, date: new Date() }),
);

/**
 * The tab's event stream (GET /api/stream), opened once logged in (see LiveStreamConnection) and
 * closed at logout. Each change tells the channels of the resources its stream touches; a new
 * notification, the notifications channel (the bell lists it and shows it).
 */
export const liveStream = new LiveStream({
  issueTicket: async () =>
    (await http<{ ticket: string }>('/stream/tickets', { method: 'POST' })).data.ticket,
  open: (ticket, lastEventId) => new EventSource(apiUrl('/stream', { ticket, lastEventId })),
  listener: {
    change: ({ streamId }) => {
      for (const resource of resourcesOfStream(streamId)) changes.changed(channelOf(resource));
    },
    notification: (notification) =>
      deliver({ channel: NOTIFICATIONS_CHANNEL, type: 'created', payload: notification, date: new Date() }),
    reopened: () =>
      deliver({ channel: NOTIFICATIONS_CHANNEL, type: 'updated', payload: {}, date: new Date() }),
    reset: () => {
      for (const channel of new Set([...subscriptions].map((subscription) => subscription.channel)))
        deliver({ channel, type: 'updated', payload: {}, date: new Date() });
    },
  },
});

/** The poll interval of a page that follows something running: none while the stream tells it. */
export const pollWhileStreamIsDown = (ms: number): number | false => (liveStream.isOpen ? false : ms);

/** Ends the stream and what it still had to tell (at logout). */
export const stopLiveStream = (): void => {
  liveStream.stop();
  changes.clear();
};

/** Refine's live provider over the tab's one event stream; with `liveMode: "auto"` lists refresh by themselves. */
export const liveProvider: LiveProvider = {
  subscribe: ({ channel, types, callback }) => {
    const subscription: Subscription = { channel, types, callback };
    subscriptions.add(subscription);
    return subscription;
  },
  unsubscribe: (subscription: Subscription) => {
    subscriptions.delete(subscription);
  },
  publish: deliver,
};
