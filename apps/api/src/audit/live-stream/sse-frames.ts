/**
 * Server-sent event frames. Only changes carry an `id:`: it is the log position a reconnecting
 * EventSource sends back as Last-Event-ID, so a notification (no position) leaves it as it was.
 * JSON.stringify never writes a line break, so each `data:` is one line.
 */
export const changeFrame = (event: Readonly<{ type: string; streamId: string; globalPosition: number }>) =>
  `event: change\nid: ${event.globalPosition}\ndata: ${JSON.stringify({
    type: event.type,
    streamId: event.streamId,
    position: event.globalPosition,
  })}\n\n`;

/** A new notification for the stream's user (see LiveStream.publishToUser). */
export type LiveNotification = Readonly<{ id: string; kind: string; title: string; link: string }>;

export const notificationFrame = ({ id, kind, title, link }: LiveNotification) =>
  `event: notification\ndata: ${JSON.stringify({ id, kind, title, link })}\n\n`;

/**
 * Sent instead of the missed changes when a resume would replay too many: the client reloads what
 * it shows, then follows the changes from `position` on (the frame's id).
 */
export const resetFrame = (position: number) =>
  `event: reset\nid: ${position}\ndata: ${JSON.stringify({ position })}\n\n`;

/** The first bytes: how long a disconnected EventSource waits before it reconnects, and a comment. */
export const OPENING = 'retry: 3000\n: connected\n\n';

export const HEARTBEAT = ': heartbeat\n\n';
