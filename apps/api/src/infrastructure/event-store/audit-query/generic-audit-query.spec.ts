import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAuditQueryContract } from '../../../../../../test/event-store-contract/audit-query.contract';
import { type EventStore } from '../event-store.port';
import { SqliteEventStore } from '../sqlite-event-store';
import { auditQueryOf } from './audit-query-of';
import { GenericAuditQuery } from './generic-audit-query';

/** A store that only has the EventStore port (as the KurrentDB one): the search reads its log. */
const portOnly = (store: EventStore): EventStore => ({
  append: (...args) => store.append(...args),
  readStream: (...args) => store.readStream(...args),
  readAll: (...args) => store.readAll(...args),
  headPosition: () => store.headPosition(),
  subscribe: (...args) => store.subscribe(...args),
  close: () => store.close(),
});

function portOnlyStore() {
  let folder = '';
  let store: EventStore | undefined;
  return {
    create: async (now: () => Date) => {
      folder = mkdtempSync(join(tmpdir(), 'ib-generic-audit-'));
      store = portOnly(new SqliteEventStore({ file: join(folder, 'events.sqlite'), now }));
      return { store, query: auditQueryOf(store) };
    },
    dispose: async () => {
      await store?.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describeAuditQueryContract('GenericAuditQuery', portOnlyStore());

describe('auditQueryOf', () => {
  it('given a store without an audit search of its own, then it gets the generic one', () => {
    const store = portOnly(new SqliteEventStore({ file: join(tmpdir(), 'never-opened.sqlite') }));

    expect(auditQueryOf(store)).toBeInstanceOf(GenericAuditQuery);
  });
});
