import { hostname } from 'node:os';
import { isMysqlUrl, parseMysqlUrl } from '../infrastructure/mysql/mysql-server-url';
import { type DatabaseLocation, type EventStoreLocation } from '../infrastructure/server-locations';

const KURRENT_SCHEMES = /^(kurrentdb|kurrent|esdb|eventstore)(\+discover)?:\/\//i;

/** Reads EVENT_STORE_URL; a problem is reported, never the URL (it may hold a password). */
export function eventStoreLocation(raw: string | undefined, problems: string[]): EventStoreLocation {
  if (raw === undefined || raw === '') return { kind: 'sqlite' };
  if (KURRENT_SCHEMES.test(raw)) return { kind: 'kurrentdb', connectionString: raw };
  if (isMysqlUrl(raw)) return mysqlLocation(raw, 'EVENT_STORE_URL', problems);
  problems.push(
    'EVENT_STORE_URL must start with mysql://, mariadb://, kurrentdb:// or esdb:// (unset: the embedded SQLite log)',
  );
  return { kind: 'sqlite' };
}

/** Reads DATABASE_URL. */
export function databaseLocation(raw: string | undefined, problems: string[]): DatabaseLocation {
  if (raw === undefined || raw === '') return { kind: 'sqlite' };
  if (isMysqlUrl(raw)) return mysqlLocation(raw, 'DATABASE_URL', problems);
  problems.push('DATABASE_URL must start with mysql:// or mariadb:// (unset: SQLite files in DATA_DIR)');
  return { kind: 'sqlite' };
}

function mysqlLocation(raw: string, variable: string, problems: string[]) {
  try {
    return { kind: 'mysql' as const, server: parseMysqlUrl(raw, variable) };
  } catch (error) {
    problems.push((error as Error).message);
    return { kind: 'sqlite' as const };
  }
}

const INSTANCE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** INSTANCE_ID, or host name and process id: what logs and `/api/projections` call this process. */
export function instanceId(raw: string | undefined, problems: string[]): string {
  if (raw !== undefined && raw !== '') {
    if (INSTANCE_ID.test(raw)) return raw;
    problems.push('INSTANCE_ID must be 1 to 64 letters, digits or ._:-');
  }
  return `${hostname()}-${process.pid}`.slice(0, 64);
}
