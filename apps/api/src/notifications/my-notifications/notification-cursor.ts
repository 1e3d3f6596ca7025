/**
 * `next` of a page, sent back as `after`: the position of the page's oldest notification, opaque to
 * clients so it can change shape without breaking them.
 */
export const encodeNotificationCursor = (position: number): string =>
  Buffer.from(`n${position}`).toString('base64url');

/** The position to continue after, or undefined when `cursor` is no cursor of this list. */
export function decodeNotificationCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cursor)) return undefined;
  const match = /^n(0|[1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) return undefined;
  const position = Number(match[1]);
  return Number.isSafeInteger(position) ? position : undefined;
}
