import { type EventStore } from '../event-store.port';
import { type AuditQuery } from './audit-query.port';
import { GenericAuditQuery } from './generic-audit-query';

/** A store that answers the audit search from its own indexes (the SQLite and MariaDB/MySQL stores). */
type IndexedStore = EventStore & { auditQuery(): AuditQuery };

const isIndexed = (store: EventStore): store is IndexedStore =>
  typeof (store as Partial<IndexedStore>).auditQuery === 'function';

/**
 * The audit search of `store`: its own when it has one, else the generic one over readAll. Asked of
 * the store object rather than of the configuration, so a store handed to the app (specs) gets its own.
 */
export const auditQueryOf = (store: EventStore): AuditQuery =>
  isIndexed(store) ? store.auditQuery() : new GenericAuditQuery(store);
