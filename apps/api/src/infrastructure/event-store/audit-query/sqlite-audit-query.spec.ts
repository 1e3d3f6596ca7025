import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describeAuditQueryContract } from '../../../../../../test/event-store-contract/audit-query.contract';
import { anEvent, aStream } from '../../../../../../test/event-store-contract/event-store.fixtures';
import { CREATE_EVENTS } from '../sqlite-event-store.schema';
import { SqliteEventStore } from '../sqlite-event-store';
import { auditQueryOf } from './audit-query-of';
import { RETIRED_AUDIT_INDEXES } from './audit-sql';
import { SQLITE_AUDIT_COLUMNS, SQLITE_AUDIT_INDEXES } from './sqlite-audit-schema';
import { SqliteAuditQuery } from './sqlite-audit-query';

function temporaryStore() {
  let folder = '';
  let store: SqliteEventStore | undefined;
  return {
    create: async (now: () => Date) => {
      folder = mkdtempSync(join(tmpdir(), 'ib-audit-query-'));
      store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), now });
      return { store, query: store.auditQuery() };
    },
    dispose: async () => {
      await store?.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describeAuditQueryContract('SqliteAuditQuery', temporaryStore());

describe('SqliteAuditQuery', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'ib-audit-schema-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const columnsAndIndexes = (file: string) => {
    const db = new DatabaseSync(file);
    try {
      const names = (sql: string) => (db.prepare(sql).all() as { name: string }[]).map(({ name }) => name);
      return {
        columns: names(`SELECT name FROM pragma_table_xinfo('events')`),
        indexes: names(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`),
      };
    } finally {
      db.close();
    }
  };

  it('given a file written before the audit columns, when the store opens it, then it gets them and its events are found by them', async () => {
    const file = join(folder, 'events.sqlite');
    const old = new DatabaseSync(file);
    old.exec(CREATE_EVENTS);
    old.close();
    const before = new SqliteEventStore({ file });
    const streamId = aStream();
    await before.append(streamId, [anEvent()], { expectedVersion: 'no_stream' });

    const page = await before
      .auditQuery()
      .search({ actorIds: ['user-ada'], streamIds: [streamId] }, { order: 'desc', limit: 5 });
    await before.close();

    expect(page.events.map((event) => event.streamId)).toEqual([streamId]);
    const { columns, indexes } = columnsAndIndexes(file);
    expect(columns).toEqual(expect.arrayContaining(SQLITE_AUDIT_COLUMNS.map(([name]) => name)));
    expect(indexes).toEqual(
      expect.arrayContaining(
        SQLITE_AUDIT_INDEXES.map((statement) => /INDEX IF NOT EXISTS (\w+)/.exec(statement)?.[1]),
      ),
    );
  });

  it('given a file with the indexes an earlier build made, when the store opens it, then the retired ones are dropped', async () => {
    const file = join(folder, 'events.sqlite');
    const opened = async () => {
      const store = new SqliteEventStore({ file });
      await store.append(aStream(), [anEvent()], { expectedVersion: 'no_stream' });
      await store.close();
    };
    await opened();
    const earlier = new DatabaseSync(file);
    for (const name of RETIRED_AUDIT_INDEXES)
      earlier.exec(`CREATE INDEX ${name} ON events (environment, actor_id, global_position)`);
    earlier.close();

    await opened();

    const { indexes } = columnsAndIndexes(file);
    expect(indexes.filter((name) => RETIRED_AUDIT_INDEXES.includes(name))).toEqual([]);
    expect(indexes).toEqual(expect.arrayContaining(['events_audit_environment_type']));
  });

  it('given a file with the audit columns, when it is opened again, then nothing is added twice', async () => {
    const file = join(folder, 'events.sqlite');
    for (let open = 0; open < 2; open++) {
      const store = new SqliteEventStore({ file });
      await store.append(aStream(), [anEvent()], { expectedVersion: 'no_stream' });
      await store.close();
    }

    const { columns } = columnsAndIndexes(file);
    expect(columns.filter((name) => name === 'actor_id')).toHaveLength(1);
  });

  it('given a store closed and opened again, when searching, then the search uses the new connection', async () => {
    const file = join(folder, 'events.sqlite');
    const first = new SqliteEventStore({ file });
    const query = first.auditQuery();
    await first.append(aStream(), [anEvent()], { expectedVersion: 'no_stream' });
    expect((await query.search({}, { order: 'asc', limit: 5 })).events).toHaveLength(1);
    await first.close();

    await expect(query.search({}, { order: 'asc', limit: 5 })).rejects.toThrow('closed');
  });

  it('given the SQLite store, then the app asks it for its own audit search', () => {
    const store = new SqliteEventStore({ file: join(folder, 'events.sqlite') });

    expect(auditQueryOf(store)).toBeInstanceOf(SqliteAuditQuery);
  });
});
