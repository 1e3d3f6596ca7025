import { actorOf, type FeedEvent } from './feed-event';

/** Control characters would let a stored value move the cursor or recolour a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line for people: position, time, stream and version, type, and the actor when known. */
export function humanEventLine(event: FeedEvent): string {
  const actor = actorOf(event);
  const fields = [
    `#${event.globalPosition}`,
    event.recordedAt,
    `${event.streamId} v${event.streamVersion}`,
    event.type,
    ...(actor ? [`by ${actor}`] : []),
  ];
  return fields.join('  ').replace(CONTROL, '?');
}

/** One line of JSON: the event as published, for jq and other programs. */
export function jsonEventLine(event: FeedEvent): string {
  return JSON.stringify(event);
}
