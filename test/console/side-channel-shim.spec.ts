// qs, as the console's bundle uses it: with our side-channel in place of the package (vite.config.ts).
jest.mock('side-channel', () => jest.requireActual('../../apps/console/shims/side-channel.cjs'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- qs has no types here; read as the bundle reads it.
const { parse, stringify } = require('qs') as {
  parse: (query: string) => unknown;
  stringify: (value: unknown, options?: { encodeValuesOnly?: boolean }) => string;
};

describe('the console’s side-channel, under qs', () => {
  it('given Refine’s list state, then it writes and reads back the same address query', () => {
    const state = {
      currentPage: 2,
      pageSize: 20,
      sorters: [{ field: 'updatedAt', order: 'desc' }],
      filters: [{ field: 'status', operator: 'eq', value: 'pending' }],
    };
    const query = stringify(state, { encodeValuesOnly: true });
    expect(parse(query)).toEqual({
      currentPage: '2',
      pageSize: '20',
      sorters: [{ field: 'updatedAt', order: 'desc' }],
      filters: [{ field: 'status', operator: 'eq', value: 'pending' }],
    });
  });

  it('given an object that contains itself, then stringify refuses it as the package does (a cycle)', () => {
    const looping: Record<string, unknown> = { a: 1 };
    looping.self = looping;
    expect(() => stringify(looping)).toThrow('Cyclic object value');
  });

  it('given a key it was never given, then assert says so and get answers undefined', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shim is CommonJS, as the package is.
    const getSideChannel = require('../../apps/console/shims/side-channel.cjs') as () => {
      assert: (key: unknown) => void;
      get: (key: unknown) => unknown;
      set: (key: unknown, value: unknown) => void;
      delete: (key: unknown) => boolean;
    };
    const channel = getSideChannel();
    const key = {};
    expect(channel.get(key)).toBeUndefined();
    expect(() => channel.assert(key)).toThrow(TypeError);
    channel.set(key, 'step');
    channel.set('primitive', 1);
    expect([channel.get(key), channel.get('primitive')]).toEqual(['step', 1]);
    expect(channel.delete(key)).toBe(true);
    expect(() => channel.assert(key)).toThrow(TypeError);
  });
});
