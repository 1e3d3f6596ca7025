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

/** The foreign key to the previous version refused a row: the stream is behind the expected version. */
export const isPreviousVersionMissing = (error: unknown): boolean =>
  codeOf(error) === 'ER_NO_REFERENCED_ROW_2' || codeOf(error) === 'ER_NO_REFERENCED_ROW';

/** The unavailable error for a server fault, or undefined when the error is something else. */
export function toUnavailableError(error: unknown, action: string): EventStoreUnavailableError | undefined {
  if (error instanceof EventStoreUnavailableError) return error;
  const fault = serverFaultOf(error);
  if (fault === undefined) return undefined;
  return new EventStoreUnavailableError(`Event store cannot ${action} (${fault})`, { cause: error });
}
