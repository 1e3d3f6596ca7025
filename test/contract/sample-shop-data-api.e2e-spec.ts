import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from '../support/publishing';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { apiKey, downloadPackage, listening } from './published-package';
import { ALL_CHECKS, describeFailures, runSchemathesis } from './schemathesis';

const SAMPLE_TABLES = ['categories', 'customers', 'products', 'orders', 'order_items', 'order_totals'];

/**
 * The data API of a version of the sample shop, fuzzed from the OpenAPI document published with it:
 * every answer must be one the document declares (status, content type, headers, body) and none a 5xx.
 */
describe('the sample shop data API keeps the contract it publishes', () => {
  let t: TestApp;
  let baseUrl: string;
  let documentFile: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: SAMPLE_TABLES,
    });
    const { version } = await publishedOrFail(t, admin, integrationId);
    const files = await downloadPackage(t, admin, integrationId, version as number);
    documentFile = join(t.config.dataDir, 'openapi.json');
    writeFileSync(documentFile, files.get('openapi.json')!);
    key = await apiKey(t, admin, 'schemathesis');
    baseUrl = await listening(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers thousands of generated calls with no 5xx and nothing the document does not declare', async () => {
    const result = await runSchemathesis({
      schema: documentFile,
      baseUrl,
      headers: { 'X-API-Key': key },
      parameters: { 'path.env': 'development' },
      maxExamples: 40,
      checks: ALL_CHECKS,
      seed: Number(process.env.SCHEMATHESIS_SEED ?? 9),
      continueOnFailure: process.env.SCHEMATHESIS_ALL === '1',
    });
    process.stdout.write(`${result.output}\n`);
    expect(describeFailures(result)).toEqual([]);
    expect(result.casesGenerated).toBeGreaterThan(1000);
  }, 300_000);
});
