import { createHash } from 'node:crypto';

/**
 * The id of the notification of `eventId` to `userId`: the same on every delivery of the event, so a
 * batch handed over again records nothing twice. Shaped as a UUIDv7 of the event's time (notifications
 * sort as their events), the other bits from a SHA-256 of both ids.
 */
export function notificationIdOf(eventId: string, userId: string, recordedAt: string): string {
  const bytes = createHash('sha256').update(`${eventId}\n${userId}`).digest().subarray(0, 16);
  const ms = BigInt(Math.max(0, Date.parse(recordedAt) || 0));
  for (let index = 0; index < 6; index++) bytes[index] = Number((ms >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
