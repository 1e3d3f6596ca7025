import { DatabaseSync } from 'node:sqlite';
import { binary, tarEntries } from './support/package-files';
import { createIntegration, publishedOrFail, sampleCopy } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Attribute = Readonly<{ name: string; generated?: boolean; unsupported?: boolean }>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Columns the database computes (SQLite's GENERATED ALWAYS AS, stored or virtual) keep their mark
 * from the wizard to the published version, whose data API reads them and refuses to write them
 * before any SQL runs.
 */
describe('the data API and the attributes the database computes', () => {
  let t: TestApp;
  let token: string;
  let integrationId: string;
  let path: string;

  const rectangles = (rest = '') => `/api/data/development/${integrationId}/rectangles${rest}`;
  const rowsInDatabase = () => {
    const db = new DatabaseSync(path);
    try {
      return (db.prepare('SELECT count(*) AS n FROM rectangles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    const copy = await sampleCopy(t, token, {
      file: 'computed.sqlite',
      name: 'Computed shop',
      sql: `CREATE TABLE rectangles (
        id INTEGER PRIMARY KEY,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        area INTEGER NOT NULL GENERATED ALWAYS AS (width * height) STORED,
        label TEXT GENERATED ALWAYS AS ('w' || width) VIRTUAL
      );
      INSERT INTO rectangles (id, width, height) VALUES (1, 2, 3);`,
    });
    path = copy.path;
    integrationId = await createIntegration(t, token, {
      applicationName: 'Geometry',
      connectionId: copy.connectionId,
      tables: ['rectangles'],
    });
    await publishedOrFail(t, token, integrationId);
  });

  afterAll(async () => {
    await t.close();
  });

  it('given generated columns, when added as an entity, then their attributes carry generated: true and the others no mark', async () => {
    const { body } = await t.http().get(`/api/integrations/${integrationId}`).set(bearer(token)).expect(200);
    const attributes = (body.entities as { attributes: Attribute[] }[])[0].attributes;
    expect(attributes.map(({ name, generated, unsupported }) => ({ name, generated, unsupported }))).toEqual([
      { name: 'id', generated: undefined, unsupported: undefined },
      { name: 'width', generated: undefined, unsupported: undefined },
      { name: 'height', generated: undefined, unsupported: undefined },
      { name: 'area', generated: true, unsupported: undefined },
      { name: 'label', generated: true, unsupported: undefined },
    ]);
  });

  it('given the published version, when its package is read, then the manifest keeps the marks and the OpenAPI document marks them readOnly', async () => {
    const response = await t
      .http()
      .get(`/api/integrations/${integrationId}/versions/1/package`)
      .set(bearer(token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const files = tarEntries(response.body as Buffer);
    const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as Json;
    const area = (manifest.entities[0].attributes as Json[]).find(({ name }) => name === 'area');
    expect(area).toMatchObject({ generated: true });
    const schemas = (JSON.parse(files.get('openapi.json') ?? '{}') as Json).components.schemas;
    expect(schemas.Rectangles.properties.area).toMatchObject({ type: 'integer', readOnly: true });
    expect(Object.keys(schemas.RectanglesCreate.properties).sort()).toEqual(['height', 'id', 'width']);
    expect(schemas.RectanglesCreate.required).toEqual(['width', 'height']);
  });

  it('given a create that sets a generated attribute, when sent, then 400 DATA.READ_ONLY_ATTRIBUTE names it and nothing is written', async () => {
    const refused = await t
      .http()
      .post(rectangles())
      .set(bearer(token))
      .send({ id: 2, width: 4, height: 5, area: 99 })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 400,
      code: 'DATA.READ_ONLY_ATTRIBUTE',
      errors: [{ field: 'area', message: 'is computed by the database and cannot be written' }],
    });
    expect(rowsInDatabase()).toBe(1);
    await t.http().get(rectangles('/2')).set(bearer(token)).expect(404);
  });

  it('given an update that sets one, when sent, then it is refused the same way and the row is unchanged', async () => {
    const refused = await t
      .http()
      .patch(rectangles('/1'))
      .set(bearer(token))
      .send({ label: 'mine' })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'DATA.READ_ONLY_ATTRIBUTE', errors: [{ field: 'label' }] });
    const { body } = await t.http().get(rectangles('/1')).set(bearer(token)).expect(200);
    expect(body).toEqual({ id: 1, width: 2, height: 3, area: 6, label: 'w2' });
  });

  it('given writes that leave them out, when sent, then the answers carry the values the database computed', async () => {
    const created = await t
      .http()
      .post(rectangles())
      .set(bearer(token))
      .send({ id: 3, width: 4, height: 5 })
      .expect(201);
    expect(created.body).toEqual({ id: 3, width: 4, height: 5, area: 20, label: 'w4' });
    const patched = await t.http().patch(rectangles('/3')).set(bearer(token)).send({ width: 6 }).expect(200);
    expect(patched.body).toMatchObject({ area: 30, label: 'w6' });
    const listed = await t
      .http()
      .get(rectangles())
      .query({ 'area[gte]': '20', fields: 'id,area' })
      .set(bearer(token))
      .expect(200);
    expect(listed.body.items).toEqual([{ id: 3, area: 30 }]);
  });
});
