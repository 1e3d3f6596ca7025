import { createConnection } from 'mysql2/promise';
import { describeAuditQueryContract } from '../../../../../../test/event-store-contract/audit-query.contract';
import { anEvent, aStream } from '../../../../../../test/event-store-contract/event-store.fixtures';
import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../../test/support/mariadb';
import { parseMysqlUrl } from '../../mysql/mysql-server-url';
import { auditQueryOf } from '../audit-query/audit-query-of';
import { RETIRED_AUDIT_INDEXES } from '../audit-query/audit-sql';
import { MysqlAuditQuery } from './mysql-audit-query';
import { MYSQL_AUDIT_COLUMNS, MYSQL_AUDIT_INDEXES } from './mysql-audit-schema';
import { CREATE_TABLES } from './mysql-event-store.schema';
import { MysqlEventStore } from './mysql-event-store';

const serverOf = (database: string) => {
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  return parseMysqlUrl(url.toString(), 'MYSQL_URL');
};

/** One fresh database per suite, dropped after it. */
function storeOnItsOwnDatabase() {
  const database = uniqueDatabaseName('ib_audit');
  let store: MysqlEventStore | undefined;
  return {
    create: async (now: () => Date) => {
      await createDatabase(database);
      store = new MysqlEventStore({ server: serverOf(database), now });
      return { store, query: store.auditQuery() };
    },
    dispose: async () => {
      await store?.close();
      await dropDatabase(database);
    },
  };
}

describeAuditQueryContract('MysqlAuditQuery on MariaDB', storeOnItsOwnDatabase());

describe('MysqlAuditQuery', () => {
  const database = uniqueDatabaseName('ib_audit_upgrade');
  beforeAll(() => createDatabase(database));
  afterAll(() => dropDatabase(database));

  const admin = () => createConnection({ ...serverOf(database), multipleStatements: true });
  const namesOf = async (sql: string) => {
    const connection = await admin();
    try {
      const [rows] = await connection.query(sql, [database]);
      return (rows as { name: string }[]).map(({ name }) => name);
    } finally {
      await connection.end();
    }
  };

  it('given a log written before the audit columns, when the store opens it, then they are added and its events are found by them', async () => {
    const connection = await admin();
    const streamId = aStream();
    try {
      for (const statement of CREATE_TABLES) await connection.query(statement);
      await connection.query(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, previous_version, type, schema_version, data, metadata, recorded_at)
         VALUES (1, UUID(), ?, 0, NULL, 'SomethingHappened', 1, '{}', ?, '2025-01-01T00:00:00.000Z')`,
        [
          streamId,
          JSON.stringify({
            actorId: 'user-ada',
            correlationId: 'c-1',
            causationId: 'c-1',
            environment: 'qa',
          }),
        ],
      );
      await connection.query('UPDATE events_head SET position = 1 WHERE id = 1');
    } finally {
      await connection.end();
    }

    for (let open = 0; open < 2; open++) {
      const store = new MysqlEventStore({ server: serverOf(database) });
      try {
        const page = await store
          .auditQuery()
          .search(
            { actorIds: ['user-ada'], scope: { environments: ['qa'], streamIds: [] } },
            { order: 'desc', limit: 5 },
          );
        expect(page.events.map((event) => event.streamId)).toEqual([streamId]);
        await store.append(aStream(), [anEvent()], { expectedVersion: 'no_stream' });
      } finally {
        await store.close();
      }
    }

    expect(
      await namesOf(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'events'`,
      ),
    ).toEqual(expect.arrayContaining(MYSQL_AUDIT_COLUMNS.map(([name]) => name)));
    expect(
      await namesOf(
        `SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = ? AND table_name = 'events'`,
      ),
    ).toEqual(expect.arrayContaining(MYSQL_AUDIT_INDEXES.map(([name]) => name)));
  });

  it('given a log with the indexes an earlier build made, when the store opens it, then the retired ones are dropped', async () => {
    const earlier = uniqueDatabaseName('ib_audit_retired');
    await createDatabase(earlier);
    try {
      const opened = async () => {
        const store = new MysqlEventStore({ server: serverOf(earlier) });
        await store.open();
        await store.close();
      };
      await opened();
      const connection = await createConnection(serverOf(earlier));
      try {
        for (const name of RETIRED_AUDIT_INDEXES)
          await connection.query(
            `ALTER TABLE events ADD KEY ${name} (environment, actor_id, global_position)`,
          );

        await opened();

        const [rows] = await connection.query(
          `SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = ? AND table_name = 'events'`,
          [earlier],
        );
        const names = (rows as { name: string }[]).map(({ name }) => name);
        expect(names.filter((name) => RETIRED_AUDIT_INDEXES.includes(name))).toEqual([]);
        expect(names).toEqual(expect.arrayContaining(MYSQL_AUDIT_INDEXES.map(([name]) => name)));
      } finally {
        await connection.end();
      }
    } finally {
      await dropDatabase(earlier);
    }
  });

  it('given two stores opening a new log at once, then both get going: the later ALTER finds nothing left to add', async () => {
    const fresh = uniqueDatabaseName('ib_audit_race');
    await createDatabase(fresh);
    try {
      const stores = [0, 1].map(() => new MysqlEventStore({ server: serverOf(fresh) }));
      try {
        await Promise.all(stores.map((store) => store.open()));
        const pages = await Promise.all(
          stores.map((store) => store.auditQuery().search({}, { order: 'asc', limit: 1 })),
        );
        expect(pages).toEqual([{ events: [] }, { events: [] }]);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    } finally {
      await dropDatabase(fresh);
    }
  });

  it('given the MariaDB store, then the app asks it for its own audit search', async () => {
    const store = new MysqlEventStore({ server: serverOf(database) });
    try {
      expect(auditQueryOf(store)).toBeInstanceOf(MysqlAuditQuery);
    } finally {
      await store.close();
    }
  });
});
