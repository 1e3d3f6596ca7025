import { createConnection, type Connection } from 'mysql2/promise';
import { createIntegration, published } from '../support/publishing';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { createMysqlConnection } from '../support/mariadb-connections';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const PRODUCTS =
  'CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, ' +
  'note VARCHAR(200) NULL, price DECIMAL(10,2) NOT NULL)';

/**
 * Schema drift on MariaDB: a version published from one database, served in qa by a second one that
 * the test alters as a DBA would; each change classified, and the data API refusing the entity.
 */
describe('schema drift, on MariaDB', () => {
  const devDatabase = uniqueDatabaseName('drift_dev');
  const qaDatabase = uniqueDatabaseName('drift_qa');
  let t: TestApp;
  let admin: string;
  let qaAdmin: string;
  let integrationId: string;
  let qa: Connection;

  const mysqlConnection = (token: string, name: string, database: string, environment?: string) =>
    createMysqlConnection(t, token, { name, environment, database });

  beforeAll(async () => {
    for (const database of [devDatabase, qaDatabase]) {
      await createDatabase(database);
      const db = await createConnection({ uri: mysqlUrl(), database });
      await db.query(PRODUCTS);
      await db.query("INSERT INTO products (name, note, price) VALUES ('Lamp', NULL, 12.50)");
      await db.end();
    }
    qa = await createConnection({ uri: mysqlUrl(), database: qaDatabase });
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    const devConnection = await mysqlConnection(admin, 'Shop dev', devDatabase);
    integrationId = await createIntegration(t, admin, {
      provider: 'mysql',
      applicationName: 'Shop',
      connectionId: devConnection,
      database: devDatabase,
      tables: ['products'],
    });
    expect(await published(t, admin, integrationId)).toMatchObject({ status: 'published', version: 1 });
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
    const qaConnection = await mysqlConnection(qaAdmin, 'Shop qa', qaDatabase, 'qa');
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(qaAdmin))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(qaAdmin))
      .send({ connectionId: qaConnection })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await qa?.end();
    await dropDatabase(devDatabase);
    await dropDatabase(qaDatabase);
  });

  const check = () => t.http().post('/api/environments/qa/drift-checks').set(bearer(qaAdmin)).expect(200);

  it('given the second database as published, when qa is checked, then it is ok and served', async () => {
    const { body } = await check();
    expect(body.integrations).toEqual([
      expect.objectContaining({ integrationId, status: 'ok', differences: [] }),
    ]);
    await t.http().get(`/api/data/qa/${integrationId}/products`).set(bearer(qaAdmin)).expect(200);
  });

  it('given a dropped column, a narrowed column, a NOT NULL column without default and a new table, then each is classified', async () => {
    await qa.query('ALTER TABLE products DROP COLUMN note');
    await qa.query('ALTER TABLE products MODIFY name VARCHAR(20) NOT NULL');
    await qa.query('ALTER TABLE products ADD COLUMN sku VARCHAR(20) NOT NULL');
    await qa.query('CREATE TABLE suppliers (id INT PRIMARY KEY)');

    const { body } = await check();

    const [result] = body.integrations as {
      status: string;
      breaking: number;
      nonBreaking: number;
      differences: { kind: string; breaking: boolean; table: string; column?: string }[];
    }[];
    expect(result).toMatchObject({ status: 'drift', breaking: 3, nonBreaking: 1 });
    expect(
      result.differences.map(({ kind, breaking, table, column }) => ({ kind, breaking, table, column })),
    ).toEqual(
      expect.arrayContaining([
        { kind: 'COLUMN_DROPPED', breaking: true, table: 'products', column: 'note' },
        { kind: 'TYPE_NARROWED', breaking: true, table: 'products', column: 'name' },
        { kind: 'REQUIRED_COLUMN_ADDED', breaking: true, table: 'products', column: 'sku' },
        { kind: 'TABLE_ADDED', breaking: false, table: 'suppliers', column: undefined },
      ]),
    );
    expect(result.differences).toHaveLength(4);
  });

  it('given the breaking drift, when the data API is called on the entity, then it answers 409 naming the differences', async () => {
    const { body } = await t
      .http()
      .get(`/api/data/qa/${integrationId}/products`)
      .set(bearer(qaAdmin))
      .expect(409);
    expect(body).toMatchObject({ code: 'DATA.SCHEMA_DRIFT' });
    expect(body.detail).toContain('products.note');
    expect((body.errors as { field: string }[]).map(({ field }) => field).sort()).toEqual([
      'name',
      'note',
      'sku',
    ]);
  });
});
