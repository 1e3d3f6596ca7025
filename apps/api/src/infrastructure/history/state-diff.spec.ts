import { diffStates } from './state-diff';

describe('diffStates: what changed between two states of an object', () => {
  it('given the same state, when diffed, then nothing changed', () => {
    const state = { name: 'Sales', entities: [{ name: 'Album' }] };

    expect(diffStates(state, { ...state, entities: [...state.entities] })).toEqual([]);
  });

  it('given a changed field, when diffed, then its path names it with the value before and after', () => {
    const changes = diffStates(
      { applicationName: 'Sales', version: 1 },
      { applicationName: 'Orders', version: 2 },
    );

    expect(changes).toEqual([
      { path: '/applicationName', before: 'Sales', after: 'Orders' },
      { path: '/version', before: 1, after: 2 },
    ]);
  });

  it('given a field added and one removed, when diffed, then the added has no before and the removed no after', () => {
    const changes = diffStates({ icon: 'old.png', name: 'A' }, { name: 'A', database: 'main' });

    expect(changes).toEqual([
      { path: '/icon', before: 'old.png' },
      { path: '/database', after: 'main' },
    ]);
  });

  it('given an undefined field, when diffed, then it counts as absent', () => {
    expect(diffStates({ reason: undefined }, {})).toEqual([]);
    expect(diffStates({}, { reason: undefined })).toEqual([]);
  });

  it('given an empty state before, when diffed, then every field is added (a creation)', () => {
    expect(diffStates({}, { id: 'x', status: 'pending' })).toEqual([
      { path: '/id', after: 'x' },
      { path: '/status', after: 'pending' },
    ]);
  });

  it('given nested objects, when diffed, then only the changed leaves are named', () => {
    const changes = diffStates(
      { details: { host: 'db', port: 3306, options: { ssl: true } } },
      { details: { host: 'db', port: 3307, options: { ssl: false } } },
    );

    expect(changes).toEqual([
      { path: '/details/port', before: 3306, after: 3307 },
      { path: '/details/options/ssl', before: true, after: false },
    ]);
  });

  it('given a list of named things, when one is added, removed or changed, then it is named, not indexed', () => {
    const album = { name: 'Album', table: 'albums', attributes: [{ name: 'Title', nullable: false }] };
    const artist = { name: 'Artist', table: 'artists', attributes: [] };
    const track = { name: 'Track', table: 'tracks', attributes: [] };

    const changes = diffStates(
      { entities: [artist, album] },
      { entities: [{ ...album, attributes: [{ name: 'Title', nullable: true }] }, track] },
    );

    expect(changes).toEqual([
      { path: '/entities/Artist', before: artist },
      { path: '/entities/Album/attributes/Title/nullable', before: false, after: true },
      { path: '/entities/Track', after: track },
    ]);
  });

  it('given role grants, when one changes role, then the grant is named by its environment', () => {
    const changes = diffStates(
      { roles: [{ environment: 'development', role: 'developer' }] },
      {
        roles: [
          { environment: 'development', role: 'admin' },
          { environment: 'qa', role: 'auditor' },
        ],
      },
    );

    expect(changes).toEqual([
      { path: '/roles/development/role', before: 'developer', after: 'admin' },
      { path: '/roles/qa', after: { environment: 'qa', role: 'auditor' } },
    ]);
  });

  it('given a list without distinct identities, when diffed, then its elements compare by index', () => {
    const changes = diffStates(
      { primaryKey: ['a', 'b'], grants: [{ name: 'x' }, { name: 'x' }] },
      { primaryKey: ['a', 'c', 'd'], grants: [{ name: 'y' }] },
    );

    expect(changes).toEqual([
      { path: '/primaryKey/1', before: 'b', after: 'c' },
      { path: '/primaryKey/2', after: 'd' },
      { path: '/grants/0/name', before: 'x', after: 'y' },
      { path: '/grants/1', before: { name: 'x' } },
    ]);
  });

  it('given a value that changes kind, when diffed, then it is replaced whole', () => {
    expect(diffStates({ binding: null }, { binding: { connectionId: 'c' } })).toEqual([
      { path: '/binding', before: null, after: { connectionId: 'c' } },
    ]);
    expect(diffStates({ value: [1] }, { value: { 0: 1 } })).toEqual([
      { path: '/value', before: [1], after: { 0: 1 } },
    ]);
  });

  it('given keys with / and ~, when diffed, then they are escaped as JSON Pointer asks', () => {
    expect(diffStates({ 'a/b~c': 1 }, { 'a/b~c': 2 })).toEqual([{ path: '/a~1b~0c', before: 1, after: 2 }]);
  });

  it('given two whole values, when one is absent, then the change is at the root', () => {
    expect(diffStates(undefined, { id: 'x' })).toEqual([{ path: '', after: { id: 'x' } }]);
    expect(diffStates({ id: 'x' }, undefined)).toEqual([{ path: '', before: { id: 'x' } }]);
  });
});
