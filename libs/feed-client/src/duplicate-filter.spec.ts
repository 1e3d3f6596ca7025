import { DEFAULT_REMEMBERED_EVENT_IDS, DuplicateFilter } from './duplicate-filter';

const ids = (count: number, prefix = 'event') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('DuplicateFilter', () => {
  it('given a fresh filter, when an event id comes, then it is not a duplicate', () => {
    const filter = new DuplicateFilter();

    expect(filter.isDuplicate('event-1')).toBe(false);
  });

  it('given a handled event, when its id comes again, then it is a duplicate', () => {
    const filter = new DuplicateFilter();
    filter.remember('event-1');

    expect(filter.isDuplicate('event-1')).toBe(true);
    expect(filter.isDuplicate('event-2')).toBe(false);
  });

  it('given an event whose handling failed (checked, never remembered), when it comes again, then it is handed on', () => {
    const filter = new DuplicateFilter();
    expect(filter.isDuplicate('event-1')).toBe(false);

    expect(filter.isDuplicate('event-1')).toBe(false);
  });

  it('given a full filter, when one more id is remembered, then the oldest is forgotten and the rest still recognised', () => {
    const filter = new DuplicateFilter(3);
    for (const id of ['a', 'b', 'c', 'd']) filter.remember(id);

    expect(['a', 'b', 'c', 'd'].map((id) => filter.isDuplicate(id))).toEqual([false, true, true, true]);
    expect(filter.size).toBe(3);
  });

  it('given ids remembered many times over, when the filter wraps around, then it forgets in arrival order', () => {
    const filter = new DuplicateFilter(3);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) filter.remember(id);

    expect(['d', 'e', 'f', 'g'].map((id) => filter.isDuplicate(id))).toEqual([false, true, true, true]);
  });

  it('given an id remembered twice, when the filter fills, then it took one place only', () => {
    const filter = new DuplicateFilter(3);
    for (const id of ['a', 'a', 'b', 'c']) filter.remember(id);

    expect(['a', 'b', 'c'].map((id) => filter.isDuplicate(id))).toEqual([true, true, true]);
    expect(filter.size).toBe(3);
  });

  it('given the default capacity, when the relay re-sends a batch of 500 after the first copies, then every copy is a duplicate', () => {
    const filter = new DuplicateFilter();
    const batch = ids(500);
    for (const id of batch) filter.remember(id);

    expect(batch.filter((id) => !filter.isDuplicate(id))).toEqual([]);
  });

  it('given the default capacity, when twenty batches of 500 separate an event from its copy, then it is still recognised', () => {
    const filter = new DuplicateFilter();
    filter.remember('first');
    for (const id of ids(DEFAULT_REMEMBERED_EVENT_IDS - 1)) filter.remember(id);

    expect(DEFAULT_REMEMBERED_EVENT_IDS).toBeGreaterThanOrEqual(20 * 500);
    expect(filter.isDuplicate('first')).toBe(true);
  });

  it('given a long feed, when far more ids than the capacity pass, then memory stays at the capacity', () => {
    const filter = new DuplicateFilter(1_000);
    for (const id of ids(100_000)) filter.remember(id);

    expect(filter.size).toBe(1_000);
    expect(filter.isDuplicate('event-98999')).toBe(false);
    expect(filter.isDuplicate('event-99000')).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])(
    'given a capacity of %p, when a filter is made, then it is refused',
    (capacity) => {
      expect(() => new DuplicateFilter(capacity)).toThrow(RangeError);
    },
  );
});
