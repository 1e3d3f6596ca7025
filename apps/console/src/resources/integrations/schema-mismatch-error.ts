import type { HttpError } from '@refinedev/core';
import type { SchemaDifference } from '../../types';

/** The differences of a 409 PROMOTION.SCHEMA_MISMATCH, or undefined for any other error. */
export const schemaMismatchOf = (error: unknown): SchemaDifference[] | undefined => {
  const { statusCode, code, problem } = (error ?? {}) as Partial<HttpError>;
  if (statusCode !== 409 || code !== 'PROMOTION.SCHEMA_MISMATCH') return undefined;
  return (problem as { differences?: SchemaDifference[] } | undefined)?.differences ?? [];
};

/** A mismatch is shown in the dialog, where it can be acted on, rather than as a notification. */
export const unlessSchemaMismatch = (error?: unknown) => (schemaMismatchOf(error) ? false : undefined);
