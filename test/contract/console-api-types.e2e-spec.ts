import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

/** The console's API types, generated from the API's own document (`npm run api:types` writes them). */
const GENERATED = join(__dirname, '../../apps/console/src/api/schema.ts');
const HEADER =
  '// Generated from /api/docs-json by `npm run api:types` (openapi-typescript); do not edit by hand.\n';

async function render(document: object): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

describe('the console types of the HTTP API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are generated from the OpenAPI document the API serves, not restated by hand', async () => {
    const { body } = await t.http().get('/api/docs-json').expect(200);
    const generated = await render(body);

    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(GENERATED, generated);

    // Stale types fail here: run `npm run api:types` after changing a route, a body or an answer.
    expect(existsSync(GENERATED) ? readFileSync(GENERATED, 'utf8') : '').toBe(generated);
  });
});
