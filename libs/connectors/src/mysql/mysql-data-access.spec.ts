import { DataValidationError, type ColumnInfo, type TableInfo } from '../spi';
import { MysqlDataAccess, type MysqlResultHeader, type MysqlStatementRunner } from './mysql-data-access';

const col = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: 'x',
  kind,
  nullable: false,
  autoIncrement: false,
  ...extra,
});

const table = (primaryKey: string[], columns: ColumnInfo[]): TableInfo => ({
  schema: 'db',
  name: 't',
  kind: 'table',
  columns,
  primaryKey,
  foreignKeys: [],
  indexes: [],
});

function recordingRunner(header: MysqlResultHeader, rows: Record<string, unknown>[] = []) {
  const statements: { sql: string; values: readonly unknown[] }[] = [];
  const runner: MysqlStatementRunner = {
    read: async (sql, values) => {
      statements.push({ sql, values });
      return rows;
    },
    write: async (sql, values) => {
      statements.push({ sql, values });
      return header;
    },
  };
  return { runner, statements };
}

describe('MysqlDataAccess', () => {
  const autoIncrement = table(['id'], [col('id', 'Integer', { autoIncrement: true }), col('name', 'Text')]);
  const composite = table(
    ['a', 'b'],
    [col('a', 'Integer'), col('b', 'Text'), col('note', 'Text', { nullable: true })],
  );

  it('given an auto-increment key left out, when inserted, then the key is the server insertId', async () => {
    const { runner, statements } = recordingRunner({ insertId: 42, affectedRows: 1 });
    expect(await new MysqlDataAccess(runner).insert(autoIncrement, { name: 'x' })).toEqual({ id: 42 });
    expect(statements).toEqual([{ sql: 'INSERT INTO `db`.`t` (`name`) VALUES (?)', values: ['x'] }]);
  });

  it('given a composite key, when inserted, then the key is the given values', async () => {
    const { runner } = recordingRunner({ insertId: 0, affectedRows: 1 });
    expect(await new MysqlDataAccess(runner).insert(composite, { a: 1, b: 'k', note: null })).toEqual({
      a: 1,
      b: 'k',
    });
  });

  it('given a key, when updated or deleted, then the affected rows are returned', async () => {
    const { runner, statements } = recordingRunner({ insertId: 0, affectedRows: 1 });
    const data = new MysqlDataAccess(runner);
    expect(await data.update(composite, { a: 1, b: 'k' }, { note: 'n' })).toBe(1);
    expect(await data.delete(composite, { a: 1, b: 'k' })).toBe(1);
    expect(statements.map((s) => s.sql)).toEqual([
      'UPDATE `db`.`t` SET `note` = ? WHERE `a` = ? AND `b` = ?',
      'DELETE FROM `db`.`t` WHERE `a` = ? AND `b` = ?',
    ]);
  });

  it('given count, when found, then the rows and the COUNT query answer', async () => {
    const { runner, statements } = recordingRunner({ insertId: 0, affectedRows: 0 }, [
      { id: 1, name: 'x', total: 7 },
    ]);
    const result = await new MysqlDataAccess(runner).find(autoIncrement, { count: true, limit: 1 });
    expect(result).toEqual({ rows: [{ id: 1, name: 'x' }], total: 7 });
    expect(statements[0].sql).toBe('SELECT `id`, `name` FROM `db`.`t` ORDER BY `id` ASC LIMIT ?');
  });

  describe('null policy', () => {
    const contacts = table(
      ['id'],
      [
        col('id', 'Integer'),
        col('name', 'Text'),
        col('phone', 'Text', { nullable: true }),
        col('visits', 'Integer', { nullable: true }),
      ],
    );
    const stored = { id: 0, name: '', phone: null, visits: null };

    it("given 'preserve', when rows are found or got, then NULLs come back as type defaults", async () => {
      const { runner } = recordingRunner({ insertId: 0, affectedRows: 0 }, [{ ...stored }]);
      const data = new MysqlDataAccess(runner);
      const options = { nullPolicy: 'preserve' } as const;
      const defaults = { id: 0, name: '', phone: '', visits: 0 };
      expect((await data.find(contacts, {}, options)).rows).toEqual([defaults]);
      expect(await data.get(contacts, { id: 0 }, options)).toEqual(defaults);
    });

    it("given 'overwrite' or no policy, when rows are found, then NULLs stay null", async () => {
      const { runner } = recordingRunner({ insertId: 0, affectedRows: 0 }, [{ ...stored }]);
      const data = new MysqlDataAccess(runner);
      expect((await data.find(contacts, {}, { nullPolicy: 'overwrite' })).rows).toEqual([stored]);
      expect((await data.find(contacts, {})).rows).toEqual([stored]);
    });

    it("given 'preserve', when defaults are written, then nullable columns are bound NULL, the key and NOT NULL ones as sent", async () => {
      const { runner, statements } = recordingRunner({ insertId: 0, affectedRows: 1 });
      const data = new MysqlDataAccess(runner);
      const options = { nullPolicy: 'preserve' } as const;
      expect(await data.insert(contacts, { id: 0, name: '', phone: '', visits: 0 }, options)).toEqual({
        id: 0,
      });
      await data.update(contacts, { id: 0 }, { name: '', phone: '', visits: 2 }, options);
      expect(statements.map(({ values }) => values)).toEqual([
        [0, '', null, null],
        ['', null, 2, 0],
      ]);
    });

    it("given 'overwrite', when defaults are written, then they are bound as sent", async () => {
      const { runner, statements } = recordingRunner({ insertId: 0, affectedRows: 1 });
      await new MysqlDataAccess(runner).update(
        contacts,
        { id: 1 },
        { phone: '', visits: 0 },
        { nullPolicy: 'overwrite' },
      );
      expect(statements[0].values).toEqual(['', 0, 1]);
    });
  });

  it('given an unknown field, when inserted, then refused before any statement', async () => {
    const { runner, statements } = recordingRunner({ insertId: 0, affectedRows: 0 });
    await expect(new MysqlDataAccess(runner).insert(autoIncrement, { nope: 1 })).rejects.toBeInstanceOf(
      DataValidationError,
    );
    expect(statements).toEqual([]);
  });
});
