import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type InstallDependencyUpdate } from './dependency.commands';
import { compareVersions, dependencyDecider, installedVersion } from './dependency.decider';
import { type DependencyEvent, type DependencyUpdateInstalled } from './dependency.events';
import { dependencyStreamId } from './dependency.stream';

const name = 'integration-runtime';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };

const install = (data: Partial<InstallDependencyUpdate['data']> = {}): InstallDependencyUpdate => ({
  type: 'InstallDependencyUpdate',
  data: {
    name,
    knownDependency: true,
    installedVersion: '1.0.0',
    environment: 'development',
    version: '1.1.0',
    ...data,
  },
  metadata,
});
const installed = (data: Partial<DependencyUpdateInstalled['data']> = {}): DependencyEvent => ({
  type: 'DependencyUpdateInstalled',
  data: {
    name,
    fromVersion: '1.0.0',
    version: '1.1.0',
    breaking: false,
    notes: '',
    installedBy: 'admin',
    installedAt: at,
    environment: 'development',
    ...data,
  },
});
/** An update recorded before updates were per environment: it was installed everywhere. */
const installedEverywhere = (data: Partial<DependencyUpdateInstalled['data']> = {}): DependencyEvent => {
  const { environment: _scoped, ...unscoped } = (installed(data) as DependencyUpdateInstalled).data;
  return { type: 'DependencyUpdateInstalled', data: unscoped };
};

const given = DeciderSpecification.for(dependencyDecider);

describe('Dependency decider', () => {
  describe('InstallDependencyUpdate', () => {
    it('installs a newer minor version over the shipped one, not breaking', () =>
      given([]).when(install()).then([installed()]));

    it('installs over the last update, which is the version installed now', () =>
      given([installed()])
        .when(install({ version: '1.2.0', notes: ' Faster paging ' }))
        .then([installed({ fromVersion: '1.1.0', version: '1.2.0', notes: 'Faster paging' })]));

    it('counts a new major version as breaking', () =>
      given([])
        .when(install({ version: '2.0.0' }))
        .then([installed({ version: '2.0.0', breaking: true })]));

    it('takes a minor version declared breaking as breaking', () =>
      given([])
        .when(install({ version: '1.1.0', breaking: true }))
        .then([installed({ breaking: true })]));

    it('does not let a declaration make a new major version non-breaking', () =>
      given([])
        .when(install({ version: '2.0.0', breaking: false }))
        .then([installed({ version: '2.0.0', breaking: true })]));

    it('refuses a name that is not a runtime dependency', () =>
      given([])
        .when(install({ name: 'left-pad', knownDependency: false }))
        .thenThrows(NotFoundError, 'DEPENDENCY.NOT_FOUND'));

    it.each([['1.0.0'], ['0.9.9']])('refuses %s, which is not newer than the installed 1.0.0', (version) =>
      given([]).when(install({ version })).thenThrows(IllegalStateError, 'DEPENDENCY.NOT_NEWER'),
    );

    it('compares with the last update, not with the shipped version', () =>
      given([installed({ fromVersion: '1.0.0', version: '2.0.0', breaking: true })])
        .when(install({ version: '1.5.0' }))
        .thenThrows(IllegalStateError, 'DEPENDENCY.NOT_NEWER'));

    it('installs in one environment, judged against the version installed there', () =>
      given([installed({ version: '2.0.0', breaking: true })])
        .when(install({ environment: 'qa', version: '1.5.0' }))
        .then([installed({ environment: 'qa', version: '1.5.0' })]));

    it('takes the version installed in the environment as the version it updates from', () =>
      given([
        installed({ environment: 'qa', version: '1.5.0' }),
        installed({ version: '2.0.0', breaking: true }),
      ])
        .when(install({ environment: 'qa', version: '1.6.0' }))
        .then([installed({ environment: 'qa', fromVersion: '1.5.0', version: '1.6.0' })]));

    it('counts an update installed before updates were per environment as installed in every environment', () => {
      given([installedEverywhere({ version: '2.0.0', breaking: true })])
        .when(install({ environment: 'qa', version: '1.5.0' }))
        .thenThrows(IllegalStateError, 'DEPENDENCY.NOT_NEWER');
      given([installedEverywhere({ version: '2.0.0', breaking: true })])
        .when(install({ environment: 'qa', version: '2.1.0' }))
        .then([installed({ environment: 'qa', fromVersion: '2.0.0', version: '2.1.0' })]);
    });

    it('refuses an update for no environment', () =>
      given([])
        .when(install({ environment: ' ' }))
        .thenThrows(ValidationError, 'DEPENDENCY.INVALID', invalidFields('environment')));

    it.each([['2'], ['2.0'], ['v2.0.0'], ['2.0.0-beta.1'], ['02.0.0'], [''], [2 as never]])(
      'refuses the version %p, which is not x.y.z',
      (version) =>
        given([])
          .when(install({ version }))
          .thenThrows(ValidationError, 'DEPENDENCY.INVALID', invalidFields('version')),
    );

    it('refuses notes longer than 2000 characters, naming every invalid field', () =>
      given([])
        .when(install({ version: 'next', notes: 'x'.repeat(2001) }))
        .thenThrows(ValidationError, 'DEPENDENCY.INVALID', invalidFields('version', 'notes')));

    it('keeps line breaks in the notes', () =>
      given([])
        .when(install({ notes: 'Faster paging\nNew filters' }))
        .then([installed({ notes: 'Faster paging\nNew filters' })]));

    it.each([
      ['NUL', 'Faster\u0000 paging'],
      ['a bidi override', 'Faster \u202Egnigap'],
    ])('refuses notes with %s, naming the field', (_, notes) =>
      given([])
        .when(install({ notes }))
        .thenThrows(ValidationError, 'DEPENDENCY.INVALID', invalidFields('notes')),
    );

    it('accepts notes of exactly 2000 characters', () =>
      given([])
        .when(install({ notes: 'x'.repeat(2000) }))
        .then([installed({ notes: 'x'.repeat(2000) })]));
  });

  describe('installedVersion', () => {
    const state = (events: readonly DependencyEvent[]) => fold(dependencyDecider, events);

    it('is the shipped version until an update is installed', () =>
      expect(installedVersion(state([]), 'development', '1.0.0')).toBe('1.0.0'));

    it('is the last update installed in the environment', () =>
      expect(
        installedVersion(
          state([installed(), installed({ fromVersion: '1.1.0', version: '2.0.0' })]),
          'development',
          '1.0.0',
        ),
      ).toBe('2.0.0'));

    it('is the shipped version in an environment another environment updated', () =>
      expect(installedVersion(state([installed({ version: '2.0.0' })]), 'dev2', '1.0.0')).toBe('1.0.0'));

    it('is an update installed before updates were per environment, in every environment until its own', () => {
      const history = state([
        installedEverywhere({ version: '1.1.0' }),
        installed({ environment: 'qa', version: '1.2.0' }),
      ]);
      expect(installedVersion(history, 'development', '1.0.0')).toBe('1.1.0');
      expect(installedVersion(history, 'qa', '1.0.0')).toBe('1.2.0');
    });

    it('ignores an event type unknown to this version', () =>
      expect(state([installed(), { type: 'SomethingNew', data: {} } as never])).toEqual(
        state([installed()]),
      ));
  });

  it('orders versions by number, part by part', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.9.9', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  it('names the stream after the dependency', () =>
    expect(dependencyStreamId(name)).toBe('dependency-integration-runtime'));
});
