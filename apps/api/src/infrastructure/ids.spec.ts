import { DerivedIds, freshIds, uuidv7 } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('gives version 7 ids that sort by creation time', () => {
    const earlier = uuidv7(1_700_000_000_000);
    const later = uuidv7(1_700_000_000_001);
    expect(earlier).toMatch(UUID_V7);
    expect(earlier < later).toBe(true);
  });
});

describe('freshIds', () => {
  it('gives a new id each time, at the time of the clock', () => {
    const ids = freshIds({ now: () => new Date(1_700_000_000_000) });

    const [first, second] = [ids.next(), ids.next()];

    expect(first).not.toBe(second);
    expect(timeOf(first)).toBe(1_700_000_000_000);
  });
});

describe('DerivedIds', () => {
  const request = { caller: 'alice', key: 'key-1', reservedAt: new Date('2025-03-01T10:00:00.000Z') };
  const firstTwo = (ids: DerivedIds) => [ids.next(), ids.next()];

  it('given two attempts of one request, when each asks for ids in turn, then they get the same ones', () => {
    const first = firstTwo(new DerivedIds(request));
    const retry = firstTwo(new DerivedIds({ ...request, reservedAt: new Date(request.reservedAt) }));

    expect(retry).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('gives version 7 ids bearing the reservation time', () => {
    const [id] = firstTwo(new DerivedIds(request));

    expect(id).toMatch(UUID_V7);
    expect(timeOf(id)).toBe(request.reservedAt.getTime());
  });

  it.each([
    ['another caller', { caller: 'bob' }],
    ['another key', { key: 'key-2' }],
    ['a later reservation of the key', { reservedAt: new Date('2025-03-02T10:00:00.000Z') }],
  ])('given %s, when ids are asked for, then none is the same', (_, change) => {
    const ids = firstTwo(new DerivedIds(request));
    const others = firstTwo(new DerivedIds({ ...request, ...change }));

    expect(others.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('names the request itself apart from the ids it creates', () => {
    const ids = new DerivedIds(request);

    expect(ids.requestId).toBe(new DerivedIds(request).requestId);
    expect(firstTwo(ids)).not.toContain(ids.requestId);
  });
});
