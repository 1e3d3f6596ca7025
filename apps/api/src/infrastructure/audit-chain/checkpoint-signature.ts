import { createHmac, timingSafeEqual } from 'node:crypto';

/** AUDIT_KEY, kept outside the data folder: whoever can rewrite the log cannot sign a checkpoint. */
export type AuditKey = Readonly<{ secret: Buffer }>;

const message = (position: number, hash: string) => `ib-audit-checkpoint:${position}:${hash}`;

export const signCheckpoint = (key: AuditKey, position: number, hash: string): string =>
  createHmac('sha256', key.secret).update(message(position, hash)).digest('hex');

export function checkpointSignatureHolds(
  key: AuditKey,
  position: number,
  hash: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signCheckpoint(key, position, hash), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
