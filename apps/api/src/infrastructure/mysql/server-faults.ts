import { toUnavailableError } from '../event-store/mysql/mysql-faults';

/**
 * The driver or server code when `error` means the server cannot serve now (refused, lost, denied,
 * lock wait timeout...), else undefined. The list of codes is the event store's, so every MySQL
 * adapter agrees on what a fault is; only the code is returned, never the server's message, which
 * can name users and hosts.
 */
export function serverFaultOf(error: unknown): string | undefined {
  if (toUnavailableError(error, 'serve') === undefined) return undefined;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'connection lost';
}
