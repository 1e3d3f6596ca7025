import { type MigrationObject } from '@mikro-orm/core';
import { MikroORM as LibSqlMikroORM } from '@mikro-orm/libsql';
import { type Migration } from '@mikro-orm/migrations';
import { MikroORM as MySqlMikroORM } from '@mikro-orm/mysql';
import { READ_MODEL_MIGRATIONS } from '.';
import MYSQL_STATEMENTS from './mysql-statements.fixture.json';
import SQLITE_STATEMENTS from './sqlite-statements.fixture.json';

type Statements = Readonly<Record<string, Readonly<{ up: readonly string[]; down: readonly string[] }>>>;
type Orm = LibSqlMikroORM | MySqlMikroORM;

/** What a migration would run, up and down, on the ORM's database (nothing is executed). */
async function statementsOf({ class: MigrationClass }: MigrationObject, orm: Orm) {
  // The migrator's own construction; the libsql and mysql drivers' types do not unify with its signature.
  const migration = new (MigrationClass as new (driver: unknown, config: unknown) => Migration)(
    orm.em.getDriver(),
    orm.config,
  );
  await migration.up();
  const up = migration.getQueries().map(String);
  migration.reset();
  await migration.down();
  return { up, down: migration.getQueries().map(String) };
}

describe('read-model migrations', () => {
  // Neither ORM connects: rendering a migration's statements only asks the driver for its platform.
  const sqlite = new LibSqlMikroORM({
    dbName: ':memory:',
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const mysql = new MySqlMikroORM({
    host: '127.0.0.1',
    port: 1,
    dbName: 'read_model',
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  afterAll(async () => {
    await sqlite.close();
    await mysql.close();
  });

  it.each(READ_MODEL_MIGRATIONS)(
    'given SQLite, then $name issues byte for byte the statements it was first released with',
    async (migration) => {
      expect(await statementsOf(migration, sqlite)).toEqual(
        (SQLITE_STATEMENTS as Statements)[migration.name],
      );
    },
  );

  it.each(READ_MODEL_MIGRATIONS)(
    'given MySQL, then $name issues the statements read-model-orm.int-spec.ts runs on MariaDB',
    async (migration) => {
      expect(await statementsOf(migration, mysql)).toEqual((MYSQL_STATEMENTS as Statements)[migration.name]);
    },
  );

  it('given both fixtures, then they list every migration and nothing else', () => {
    const names = READ_MODEL_MIGRATIONS.map(({ name }) => name);
    expect(Object.keys(SQLITE_STATEMENTS)).toEqual(names);
    expect(Object.keys(MYSQL_STATEMENTS)).toEqual(names);
  });
});
