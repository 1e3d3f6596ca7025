import { type RecordedEvent } from '@ib/domain';
import { auditExportChunks, csvField, csvRecord } from './audit-export-lines';
import { RequestActorNames, toAuditItem } from '../search-audit-log/audit-item';

const event = (position: number, actorId = 'u-1', data: object = { note: 'plain' }): RecordedEvent => ({
  eventId: `e-${position}`,
  type: 'ConnectionRequested',
  schemaVersion: 1,
  streamId: 'connection-request-1',
  streamVersion: position - 1,
  globalPosition: position,
  recordedAt: '2025-01-31T12:00:00.000Z',
  data,
  metadata: { actorId, correlationId: 'c-1', causationId: 'r-1', environment: 'qa' },
});

async function* pagesOf(...pages: RecordedEvent[][]) {
  yield* pages;
}

const text = async (chunks: AsyncIterable<{ text: string }>) => {
  let all = '';
  for await (const chunk of chunks) all += chunk.text;
  return all;
};

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('given %p, then it is written %p', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('given no value, then an empty field', () => expect(csvField(null)).toBe(''));
});

describe('auditExportChunks', () => {
  const lookup = async (ids: readonly string[]) =>
    new Map(ids.filter((id) => id === 'u-1').map((id) => [id, 'alice']));

  it('given events, when exported as NDJSON, then each is one line: the item the search answers', async () => {
    const events = [event(2), event(1, 'system', { text: 'line\nbreak' })];

    const lines = (await text(auditExportChunks(pagesOf(events), 'ndjson', lookup))).split('\n');

    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const names = new RequestActorNames(lookup);
    await names.learn(events);
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual(
      events.map((one) => toAuditItem(one, names)),
    );
    expect(JSON.parse(lines[1]).actor).toEqual({ id: 'system', username: 'system' });
  });

  it('given data with commas, quotes and line breaks, when exported as CSV, then the data is one quoted JSON field', async () => {
    const data = { text: 'a, "b"\nc' };

    const csv = await text(auditExportChunks(pagesOf([event(1, 'u-1', data)]), 'csv', lookup));

    const [header, record] = csv.split('\r\n');
    expect(header).toBe(
      'position,eventId,type,streamId,streamVersion,recordedAt,actorId,actorUsername,environment,correlationId,causationId,data',
    );
    expect(record).toBe(
      `1,e-1,ConnectionRequested,connection-request-1,0,2025-01-31T12:00:00.000Z,u-1,alice,qa,c-1,r-1,${csvField(JSON.stringify(data))}`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('given no event, when exported as CSV, then the header alone; as NDJSON, nothing', async () => {
    expect(await text(auditExportChunks(pagesOf(), 'csv', lookup))).toBe(
      'position,eventId,type,streamId,streamVersion,recordedAt,actorId,actorUsername,environment,correlationId,causationId,data\r\n',
    );
    expect(await text(auditExportChunks(pagesOf(), 'ndjson', lookup))).toBe('');
  });

  it('given an event of no environment, then its CSV field is empty', async () => {
    const item = toAuditItem(
      { ...event(1), metadata: { actorId: 'system', correlationId: 'c', causationId: 'r' } },
      new RequestActorNames(lookup),
    );

    expect(csvRecord(item).split(',')[8]).toBe('');
  });

  it('given pages, then one chunk per page, each actor looked up once', async () => {
    const asked: string[][] = [];
    const chunks: { events: number }[] = [];

    for await (const chunk of auditExportChunks(
      pagesOf([event(3), event(2)], [event(1)]),
      'ndjson',
      async (ids) => {
        asked.push([...ids]);
        return lookup(ids);
      },
    ))
      chunks.push(chunk);

    expect(chunks.map((chunk) => chunk.events)).toEqual([2, 1]);
    expect(asked).toEqual([['u-1']]);
  });
});
