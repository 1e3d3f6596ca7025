import { KnownStreamVersions } from './known-stream-versions';

describe('KnownStreamVersions', () => {
  it('given more streams than its capacity, when one more is set, then it forgets the least recently used', () => {
    const versions = new KnownStreamVersions(2);
    versions.set('a', 0);
    versions.set('b', 4);
    versions.set('a', 1);

    versions.set('c', 7);

    expect([versions.get('a'), versions.get('b'), versions.get('c')]).toEqual([1, undefined, 7]);
  });

  it('given a forgotten stream, then its version is unknown', () => {
    const versions = new KnownStreamVersions();
    versions.set('a', 3);

    versions.forget('a');

    expect(versions.get('a')).toBeUndefined();
  });
});
