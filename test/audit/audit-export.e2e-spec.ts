import { type RecordedEvent } from '@ib/domain';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';
import { bearer } from '../support/test-app';
import { AWKWARD_NAME, type AuditWorld, type Item, SECRET, auditWorld } from './audit-fixture';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      [record, field] = [[], ''];
      index++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('The CSV does not end with CRLF');
  return records;
}

describe('GET /api/audit/export: the audit log as a download', () => {
  let world: AuditWorld;
  let log: RecordedEvent[];
  beforeAll(async () => {
    world = await auditWorld();
    log = await world.log();
  }, 60_000);
  afterAll(() => world.close());

  const download = (token: string, query: Record<string, string> = {}) =>
    world.t
      .http()
      .get('/api/audit/export')
      .query(query)
      .set(bearer(token))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
  const ndjson = (text: string): Item[] =>
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Item);
  const searched = async (token: string, query: Record<string, string> = {}) => {
    const items: Item[] = [];
    for (let after: string | null = null; ;) {
      const response = await world.t
        .http()
        .get('/api/audit')
        .query({ ...query, limit: '500', ...(after ? { after } : {}) })
        .set(bearer(token))
        .expect(200);
      items.push(...(response.body.items as Item[]));
      after = response.body.next as string | null;
      if (after === null) return items;
    }
  };

  it('given an owner, when exporting as NDJSON, then a download of one event per line: every item of the search, newest first', async () => {
    const response = await download(world.callers.owner).expect(200);

    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-all-\d{8}T\d{6}Z\.ndjson"$/,
    );
    const text = response.body as string;
    expect(text.endsWith('\n')).toBe(true);
    expect(ndjson(text)).toEqual(await searched(world.callers.owner));
    expect(ndjson(text).map((item) => item.position)).toEqual(
      [...log].reverse().map((event) => event.globalPosition),
    );
    expect(text).not.toContain(SECRET);
  });

  it('given order=asc and filters, then the export holds what the search holds, in that order', async () => {
    const query = { order: 'asc', type: 'UserRegistered,UserRolesChanged', actor: 'admin' };

    const response = await download(world.callers.owner, query).expect(200);

    const items = ndjson(response.body as string);
    expect(items).toEqual(await searched(world.callers.owner, query));
    expect(items.length).toBeGreaterThan(1);
  });

  it('given CSV, then a header and one record per event, data as its JSON in one field whatever it holds', async () => {
    const response = await download(world.callers.owner, { format: 'csv', order: 'asc' }).expect(200);

    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-all-\d{8}T\d{6}Z\.csv"$/,
    );
    const [header, ...records] = parseCsv(response.body as string);
    expect(header).toEqual([
      'position',
      'eventId',
      'type',
      'streamId',
      'streamVersion',
      'recordedAt',
      'actorId',
      'actorUsername',
      'environment',
      'correlationId',
      'causationId',
      'data',
    ]);
    const items = await searched(world.callers.owner, { order: 'asc' });
    expect(records).toEqual(
      items.map((item) => [
        String(item.position),
        item.eventId,
        item.type,
        item.streamId,
        String(item.streamVersion),
        item.recordedAt,
        item.actor.id,
        item.actor.username,
        item.environment ?? '',
        item.correlationId,
        item.causationId,
        JSON.stringify(item.data),
      ]),
    );
    const created = records.find((record) => record[2] === 'IntegrationCreated')!;
    expect(JSON.parse(created[11])).toEqual(expect.objectContaining({ applicationName: AWKWARD_NAME }));
  });

  it('given an auditor of qa, then the download holds what they may search: qa only, named after it when asked for', async () => {
    const response = await download(world.callers.qaAuditor, { environment: 'qa' }).expect(200);

    expect(response.headers['content-disposition']).toMatch(/filename="audit-qa-\d{8}T\d{6}Z\.ndjson"/);
    const items = ndjson(response.body as string);
    expect(items).toEqual(await searched(world.callers.qaAuditor, { environment: 'qa' }));
    expect(items.every((item) => item.environment === 'qa' || item.environment === null)).toBe(true);
  });

  it('given no credentials, then 401', async () => {
    await world.t.http().get('/api/audit/export').expect(401);
  });

  it('given a developer, then 403 AUTH.AUDITOR_REQUIRED, before any download begins', async () => {
    const response = await world.t
      .http()
      .get('/api/audit/export')
      .set(bearer(world.callers.developer))
      .expect(403);

    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body).toMatchObject({ code: 'AUTH.AUDITOR_REQUIRED' });
  });

  it('given an admin of production asking for qa, then 403', async () => {
    await world.t
      .http()
      .get('/api/audit/export')
      .query({ environment: 'qa' })
      .set(bearer(world.callers.productionAdmin))
      .expect(403);
  });

  it.each([
    ['an unknown format', { format: 'xml' }],
    ['a bad filter', { aggregate: 'invoice' }],
    ['a page parameter, which an export has no use for', { limit: '10' }],
  ])('given %s, then a 400 problem', async (_, query) => {
    const response = await world.t
      .http()
      .get('/api/audit/export')
      .query(query)
      .set(bearer(world.callers.owner))
      .expect(400);

    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('given more events than one page of the log, then every one of them is downloaded, in order', async () => {
    const streamId = `integration-${uuidv7()}`;
    const count = 2_345;
    for (let from = 0; from < count; from += 500)
      await world.t.store.append(
        streamId,
        Array.from({ length: Math.min(500, count - from) }, (_, index) => ({
          eventId: uuidv7(),
          type: 'IntegrationDetailsChanged',
          data: { index: from + index, description: 'many, "many"\nevents' },
          metadata: { actorId: 'system', correlationId: 'bulk', causationId: 'bulk', environment: 'qa' },
        })),
        { expectedVersion: from === 0 ? 'no_stream' : from - 1 },
      );

    const response = await download(world.callers.qaAuditor, {
      format: 'csv',
      stream: streamId,
      order: 'asc',
    }).expect(200);

    const [, ...records] = parseCsv(response.body as string);
    expect(records.map((record) => JSON.parse(record[11]).index)).toEqual(
      Array.from({ length: count }, (_, index) => index),
    );
  });
});
