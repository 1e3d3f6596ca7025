import { SetMetadata } from '@nestjs/common';

export const SHOWN_ONCE = 'idempotency:shown-once';

/**
 * Fields of a successful answer that are shown once and never stored (a secret created by the
 * command): the answer replayed for a retried Idempotency-Key leaves them out.
 */
export const ShownOnce = (...fields: string[]) => SetMetadata(SHOWN_ONCE, fields);
