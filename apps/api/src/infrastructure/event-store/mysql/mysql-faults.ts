import { serverFaultOf } from '../../mysql/server-faults';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';

const property = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

const codeOf = (error: unknown): string | undefined => {
  const code = property(error, 'code');
  return typeof code === 'string' ? code : undefined;
};

/** A unique key refused a row; `key` is the index name (MySQL 8 prefixes it with the table). */
export function duplicateKeyOf(error: unknown): string | undefined {
  if (codeOf(error) !== 'ER_DUP_ENTRY') return undefined;
  const message = property(error, 'sqlMessage') ?? property(error, 'message');
  const key = typeof message === 'string' ? /for key '([^']+)'/.exec(message)?.[1] : undefined;
  return key?.split('.').pop() ?? '';
}

/** Strict mode refused a NULL for a NOT NULL column (the append's version guard). */
export const isNullRefused = (error: unknown): boolean => codeOf(error) === 'ER_BAD_NULL_ERROR';

/** The unavailable error for a server fault, or undefined when the error is something else. */
export function toUnavailableError(error: unknown, action: string): EventStoreUnavailableError | undefined {
  if (error instanceof EventStoreUnavailableError) return error;
  const fault = serverFaultOf(error);
  if (fault === undefined) return undefined;
  return new EventStoreUnavailableError(`Event store cannot ${action} (${fault})`, { cause: error });
}
