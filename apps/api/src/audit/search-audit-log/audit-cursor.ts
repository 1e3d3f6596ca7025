import { type AuditOrder } from '../../infrastructure/event-store/audit-query/audit-query.port';

/**
 * `next` of a page, sent back as `after`: the position the page ended at and the order it was read
 * in, so a cursor of one order is refused by the other instead of silently skipping events.
 */
export const encodeAuditCursor = (order: AuditOrder, position: number): string =>
  Buffer.from(`${order === 'desc' ? 'd' : 'a'}${position}`).toString('base64url');

/** The position to continue after, or undefined when `cursor` is no cursor of `order`. */
export function decodeAuditCursor(cursor: string, order: AuditOrder): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cursor)) return undefined;
  const match = /^([ad])(0|[1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match || match[1] !== (order === 'desc' ? 'd' : 'a')) return undefined;
  const position = Number(match[2]);
  return Number.isSafeInteger(position) ? position : undefined;
}
