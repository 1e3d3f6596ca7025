import { breakingUpdatesAffecting } from './breaking-updates-affecting';
import { type DependencyUpdateView, type DependencyView } from './dependencies.projection';

const update = (version: string, environment: string | undefined, breaking = true): DependencyUpdateView => ({
  fromVersion: '1.0.0',
  version,
  breaking,
  notes: '',
  installedBy: 'root',
  installedAt: '2025-03-01T00:00:00.000Z',
  ...(environment === undefined ? {} : { environment }),
});
const runtime = (...updates: DependencyUpdateView[]): DependencyView => ({
  name: 'integration-manager',
  environments: [],
  updates,
});
const builtOn = (version: string) => [{ name: 'integration-manager', version }];

describe('breakingUpdatesAffecting', () => {
  it('given a breaking update installed in development, then a version built before it is affected, naming where', () =>
    expect(breakingUpdatesAffecting(builtOn('1.0.0'), [runtime(update('2.0.0', 'development'))])).toEqual([
      { dependency: 'integration-manager', version: '2.0.0', builtOn: '1.0.0', installedIn: ['development'] },
    ]));

  it('given a version built against the update or a newer one, then nothing affects it', () => {
    expect(breakingUpdatesAffecting(builtOn('2.0.0'), [runtime(update('2.0.0', 'development'))])).toEqual([]);
    expect(breakingUpdatesAffecting(builtOn('2.1.0'), [runtime(update('2.0.0', 'development'))])).toEqual([]);
  });

  it('ignores updates that are not breaking, and those installed everywhere (already required everywhere)', () =>
    expect(
      breakingUpdatesAffecting(builtOn('1.0.0'), [
        runtime(update('1.1.0', 'development', false), update('2.0.0', undefined)),
      ]),
    ).toEqual([]));

  it('names the newest breaking version and every environment that installed one it was built before', () =>
    expect(
      breakingUpdatesAffecting(builtOn('1.0.0'), [
        runtime(update('2.0.0', 'qa'), update('3.0.0', 'development'), update('2.0.0', 'development')),
      ]),
    ).toEqual([
      {
        dependency: 'integration-manager',
        version: '3.0.0',
        builtOn: '1.0.0',
        installedIn: ['development', 'qa'],
      },
    ]));

  it('counts a version that recorded no version of the dependency as built before it', () =>
    expect(breakingUpdatesAffecting([], [runtime(update('2.0.0', 'development'))])).toEqual([
      { dependency: 'integration-manager', version: '2.0.0', installedIn: ['development'] },
    ]));
});
