import { APP_VIEWS } from '../../apps/api/src/app.views';
import { type MysqlServer } from '../../apps/api/src/infrastructure/mysql/mysql-server-url';
import {
  createReadModelOrm,
  type MysqlReadModelOrm,
  READ_MODEL_MIGRATIONS,
} from '../../apps/api/src/read-model';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

/** What the ORM would change to make the database match the entity schemas, one statement each. */
async function schemaChanges(orm: MysqlReadModelOrm): Promise<string[]> {
  const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

async function isMariaDb(orm: MysqlReadModelOrm): Promise<boolean> {
  const [{ version }] = await orm.em.fork().execute<[{ version: string }]>('select version() as version');
  return /mariadb/i.test(version);
}

/**
 * What @mikro-orm/mysql reads wrongly from MariaDB (@mikro-orm/mariadb reads it right), so it proposes
 * changes that change nothing:
 * - a nullable column without a default: MariaDB reports its default as the text 'NULL', which the
 *   mysql schema helper takes for a default to drop, hence `modify <column> <same type> null`;
 * - a json column: MariaDB's JSON is LONGTEXT with a `json_valid(<column>)` check named after the
 *   column, hence `drop constraint <column>` and `modify <column> json` (the next spec checks them).
 */
const MARIADB_ARTEFACTS = [
  /^alter table `\w+` modify `\w+` (varchar\(255\)|text) null;$/,
  /^alter table `\w+` drop constraint `\w+`;$/,
  /^alter table `\w+` modify `\w+` json (not )?null;$/,
];
const isMariaDbArtefact = (sql: string): boolean => MARIADB_ARTEFACTS.some((pattern) => pattern.test(sql));

describe('createReadModelOrm on MariaDB/MySQL', () => {
  let server: MysqlServer;
  const opened: MysqlReadModelOrm[] = [];
  const open = async () => {
    const orm = await createReadModelOrm({ server, views: APP_VIEWS });
    opened.push(orm);
    return orm;
  };
  beforeEach(async () => {
    const { hostname, port, username, password } = new URL(mysqlUrl());
    server = {
      host: hostname,
      port: Number(port || '3306'),
      user: decodeURIComponent(username),
      password: decodeURIComponent(password),
      database: uniqueDatabaseName('ib_read_model'),
    };
    await createDatabase(server.database);
  });
  afterEach(async () => {
    for (const orm of opened.splice(0)) await orm.close();
    await dropDatabase(server.database);
  });

  it('given an empty database, then it applies the committed migrations and creates every table', async () => {
    const orm = await open();

    const tables = await orm.em
      .fork()
      .execute<{ name: string }[]>(
        'select table_name as name from information_schema.tables where table_schema = ? order by table_name',
        [server.database],
      );
    // Sorted here: information_schema orders by its own collation, not by code point as SQLite does.
    expect(tables.map(({ name }) => name).sort()).toEqual([
      'api_key_usage',
      'api_keys',
      'change_requests',
      'connection_bindings',
      'connection_requests',
      'connections',
      'dependencies',
      'deployments',
      'environment_drift_checks',
      'environments',
      'integration_dependency_states',
      'integrations',
      'job_leases',
      'mail_deliveries',
      'notifications',
      'process_instances',
      'projection_checkpoints',
      'publications',
      'read_model_migrations',
      'republish_runs',
      'schema_drift',
      'user_sessions',
      'users',
    ]);
    expect((await orm.migrator.getExecuted()).map(({ name }) => name)).toEqual(
      READ_MODEL_MIGRATIONS.map(({ name }) => name),
    );
  });

  it('describes in its entity schemas exactly the tables the migrations create', async () => {
    const orm = await open();

    const changes = await schemaChanges(orm);

    if (await isMariaDb(orm)) expect(changes.filter((sql) => !isMariaDbArtefact(sql))).toEqual([]);
    else expect(changes).toEqual([]);
  });

  it('given MariaDB, then its nullable and json columns are those of the entity schemas, which the ORM cannot see', async () => {
    const orm = await open();
    if (!(await isMariaDb(orm))) return;

    const columns = await orm.em
      .fork()
      .execute<{ name: string; type: string; nullable: string; checked: number | string }[]>(
        `select concat(c.table_name, '.', c.column_name) as name, c.data_type as type, c.is_nullable as nullable,
              exists(select 1 from information_schema.check_constraints k
                      where k.constraint_schema = c.table_schema and k.table_name = c.table_name
                        and k.constraint_name = c.column_name
                        and k.check_clause = concat('json_valid(\`', c.column_name, '\`)')) as checked
         from information_schema.columns c
        where c.table_schema = ? and c.table_name <> 'read_model_migrations'`,
        [server.database],
      );
    const names = (keep: (column: (typeof columns)[number]) => boolean) =>
      columns
        .filter(keep)
        .map(({ name }) => name)
        .sort();
    const properties = [...orm.getMetadata().getAll().values()].flatMap(({ tableName, props }) =>
      props.flatMap(({ type, nullable, fieldNames }) =>
        fieldNames.map((field) => ({
          name: `${tableName}.${field}`,
          json: /json/i.test(type),
          nullable: !!nullable,
        })),
      ),
    );
    const described = (keep: (property: (typeof properties)[number]) => boolean) =>
      properties
        .filter(keep)
        .map(({ name }) => name)
        .sort();

    expect(names(({ nullable }) => nullable === 'YES')).toEqual(described(({ nullable }) => nullable));
    expect(names(({ type, checked }) => type === 'longtext' && Number(checked) === 1)).toEqual(
      described(({ json }) => json),
    );
    expect(names(({ type }) => type === 'longtext')).toEqual(described(({ json }) => json));
  });

  it('given a migrated database, when it is opened again, then nothing is migrated twice', async () => {
    await (await open()).close();
    opened.splice(0);

    const reopened = await open();

    expect(await reopened.migrator.getPending()).toEqual([]);
    expect(await reopened.migrator.getExecuted()).toHaveLength(READ_MODEL_MIGRATIONS.length);
  });
});
