import { type DependencyEvent, dependencyStreamId } from '@ib/domain';
import {
  type DependencyView,
  dependenciesProjection,
  installedIn,
  updatesIn,
} from './dependencies.projection';
import { projectAll } from '../../../infrastructure/read-model/projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';

const name = 'integration-manager';
const at = (day: number) => `2025-03-0${day}T00:00:00.000Z`;
const installed = (
  fromVersion: string,
  version: string,
  breaking: boolean,
  installedAt: string,
  environment?: string,
): DependencyEvent => ({
  type: 'DependencyUpdateInstalled',
  data: {
    name,
    fromVersion,
    version,
    breaking,
    notes: `to ${version}`,
    installedBy: 'root',
    installedAt,
    ...(environment === undefined ? {} : { environment }),
  },
});
const update = (
  fromVersion: string,
  version: string,
  breaking: boolean,
  day: number,
  environment?: string,
) => ({
  fromVersion,
  version,
  breaking,
  notes: `to ${version}`,
  installedBy: 'root',
  installedAt: at(day),
  ...(environment === undefined ? {} : { environment }),
});
const version = (fromVersion: string, to: string, breaking: boolean, day: number) => ({
  version: to,
  fromVersion,
  breaking,
  installedBy: 'root',
  installedAt: at(day),
});

const history = (...events: DependencyEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(dependencyStreamId(name), event));
};
const given = ProjectionSpecification.for(dependenciesProjection);

describe('dependencies projection', () => {
  it('keeps the version of the last update of each environment, with every update oldest first', () => {
    const [minor, major, qa] = history(
      installed('1.0.0', '1.1.0', false, at(1), 'development'),
      installed('1.1.0', '2.0.0', true, at(2), 'development'),
      installed('1.0.0', '1.0.1', false, at(3), 'qa'),
    );
    given([minor, major])
      .when(qa)
      .then({
        [name]: {
          name,
          environments: [
            { environment: 'development', ...version('1.1.0', '2.0.0', true, 2) },
            { environment: 'qa', ...version('1.0.0', '1.0.1', false, 3) },
          ],
          updates: [
            update('1.0.0', '1.1.0', false, 1, 'development'),
            update('1.1.0', '2.0.0', true, 2, 'development'),
            update('1.0.0', '1.0.1', false, 3, 'qa'),
          ],
        },
      });
  });

  it('keeps an update installed before updates were per environment as installed everywhere', () => {
    const [everywhere, qa] = history(
      installed('1.0.0', '1.1.0', false, at(1)),
      installed('1.1.0', '1.2.0', false, at(2), 'qa'),
    );
    given([everywhere])
      .when(qa)
      .then({
        [name]: {
          name,
          everywhere: version('1.0.0', '1.1.0', false, 1),
          environments: [{ environment: 'qa', ...version('1.1.0', '1.2.0', false, 2) }],
          updates: [update('1.0.0', '1.1.0', false, 1), update('1.1.0', '1.2.0', false, 2, 'qa')],
        },
      });
  });

  it('answers the version of an environment: its own update, else one installed everywhere', () => {
    const view = projectAll(
      dependenciesProjection,
      history(installed('1.0.0', '1.1.0', false, at(1)), installed('1.1.0', '1.2.0', false, at(2), 'qa')),
    ).get(name) as DependencyView;
    expect(installedIn(view, 'qa')).toEqual(version('1.1.0', '1.2.0', false, 2));
    expect(installedIn(view, 'development')).toEqual(version('1.0.0', '1.1.0', false, 1));
    expect(updatesIn(view, 'development')).toEqual([update('1.0.0', '1.1.0', false, 1)]);
    expect(updatesIn(view, 'qa')).toHaveLength(2);

    const onlyQa = projectAll(
      dependenciesProjection,
      history(installed('1.0.0', '1.0.1', false, at(1), 'qa')),
    ).get(name) as DependencyView;
    expect(installedIn(onlyQa, 'development')).toBeUndefined();
    expect(updatesIn(onlyQa, 'development')).toEqual([]);
  });

  it('keeps dependencies apart by name', () => {
    const record = eventRecorder();
    const other = record(dependencyStreamId('integration-builder-utils'), {
      type: 'DependencyUpdateInstalled',
      data: {
        name: 'integration-builder-utils',
        fromVersion: '1.0.0',
        version: '1.0.1',
        breaking: false,
        notes: '',
        installedBy: 'root',
        installedAt: '2025-03-03T00:00:00.000Z',
        environment: 'development',
      },
    });
    const [minor] = history(installed('1.0.0', '1.1.0', false, at(1), 'development'));
    expect(Object.keys(Object.fromEntries(projectAll(dependenciesProjection, [minor, other])))).toEqual([
      name,
      'integration-builder-utils',
    ]);
  });
});
