import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import {
  createDatabase,
  dropDatabase,
  loadChinook,
  loadSakila,
  mysqlUrl,
  uniqueDatabaseName,
} from '../support/mariadb';

const SAKILA_TABLES = [
  'actor',
  'address',
  'category',
  'city',
  'country',
  'customer',
  'film',
  'film_actor',
  'film_category',
  'film_text',
  'inventory',
  'language',
  'payment',
  'rental',
  'staff',
  'store',
];
const SAKILA_VIEWS = [
  'actor_info',
  'customer_list',
  'film_list',
  'nicer_but_slower_film_list',
  'sales_by_film_category',
  'sales_by_store',
  'staff_list',
];
// Counted in the fixture's SQLite twin (Chinook_Sqlite.sqlite), which holds the same rows.
const CHINOOK_ROWS: Record<string, number> = {
  Album: 347,
  Artist: 275,
  Customer: 59,
  Employee: 8,
  Genre: 25,
  Invoice: 412,
  InvoiceLine: 2240,
  MediaType: 5,
  Playlist: 18,
  PlaylistTrack: 8715,
  Track: 3503,
};

describe('the MariaDB test harness', () => {
  let admin: Connection;
  const created: string[] = [];

  const freshDatabase = async (prefix: string) => {
    const name = uniqueDatabaseName(prefix);
    created.push(name);
    await createDatabase(name);
    return name;
  };
  const objects = async (database: string, type: 'BASE TABLE' | 'VIEW') => {
    const [rows] = await admin.query<RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = ? ORDER BY TABLE_NAME',
      [database, type],
    );
    return rows.map((row) => String(row.name));
  };
  const databases = async () => {
    const [rows] = await admin.query<RowDataPacket[]>(
      'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA',
    );
    return rows.map((row) => String(row.name));
  };

  beforeAll(async () => {
    admin = await createConnection(mysqlUrl());
  });
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
    await admin.end();
  });

  describe('given a fresh database', () => {
    it('when Sakila is loaded, then it holds its 16 tables, 7 views, triggers and routines', async () => {
      const database = await freshDatabase('ib_int_sakila');

      await loadSakila(database);

      expect(await objects(database, 'BASE TABLE')).toEqual(SAKILA_TABLES);
      expect(await objects(database, 'VIEW')).toEqual(SAKILA_VIEWS);
      const [triggers] = await admin.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?',
        [database],
      );
      const [routines] = await admin.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?',
        [database],
      );
      expect(Number(triggers[0].n)).toBe(3);
      expect(Number(routines[0].n)).toBe(6);
      // actor_info named `sakila.` tables in the script: it must now read this database's tables.
      await expect(admin.query(`SELECT * FROM \`${database}\`.actor_info`)).resolves.toBeDefined();
    });

    it('when Chinook is loaded, then it holds its 11 tables with every row', async () => {
      const database = await freshDatabase('ib_int_chinook');

      await loadChinook(database);

      expect(await objects(database, 'BASE TABLE')).toEqual(Object.keys(CHINOOK_ROWS).sort());
      const counts: Record<string, number> = {};
      for (const table of Object.keys(CHINOOK_ROWS)) {
        const [rows] = await admin.query<RowDataPacket[]>(
          `SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``,
        );
        counts[table] = Number(rows[0].n);
      }
      expect(counts).toEqual(CHINOOK_ROWS);
      const [artists] = await admin.query<RowDataPacket[]>(
        `SELECT Name FROM \`${database}\`.Artist WHERE ArtistId = 191`,
      );
      expect(artists[0].Name).toBe('Nação Zumbi'); // Unicode survives the client and the server
    });
  });

  describe('given fixtures loaded by this run', () => {
    it('then they went into the databases the specs named, never into `sakila` or `Chinook`', async () => {
      const names = (await databases()).map((name) => name.toLowerCase());

      expect(names).not.toContain('sakila');
      expect(names).not.toContain('chinook');
    });

    it('when two specs ask for a database, then each gets its own name', () => {
      expect(uniqueDatabaseName('ib_int_x')).not.toBe(uniqueDatabaseName('ib_int_x'));
    });

    it('when a database is dropped, then it is gone', async () => {
      const database = await freshDatabase('ib_int_drop');
      expect(await databases()).toContain(database);

      await dropDatabase(database);

      expect(await databases()).not.toContain(database);
    });
  });
});
