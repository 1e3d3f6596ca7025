import { type DependencyEvent, dependencyStreamId } from '@ib/domain';
import { dependenciesProjection } from './dependencies.projection';
import { projectAll } from './projection';
import { eventRecorder, ProjectionSpecification } from './projection-specification';

const name = 'integration-manager';
const installed = (
  fromVersion: string,
  version: string,
  breaking: boolean,
  installedAt: string,
): DependencyEvent => ({
  type: 'DependencyUpdateInstalled',
  data: { name, fromVersion, version, breaking, notes: `to ${version}`, installedBy: 'root', installedAt },
});

const history = (...events: DependencyEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(dependencyStreamId(name), event));
};
const given = ProjectionSpecification.for(dependenciesProjection);

describe('dependencies projection', () => {
  it('shows the version of the last update installed, with every update oldest first', () => {
    const [minor, major] = history(
      installed('1.0.0', '1.1.0', false, '2025-03-01T00:00:00.000Z'),
      installed('1.1.0', '2.0.0', true, '2025-03-02T00:00:00.000Z'),
    );
    given([minor])
      .when(major)
      .then({
        [name]: {
          name,
          version: '2.0.0',
          fromVersion: '1.1.0',
          breaking: true,
          installedBy: 'root',
          installedAt: '2025-03-02T00:00:00.000Z',
          updates: [
            {
              fromVersion: '1.0.0',
              version: '1.1.0',
              breaking: false,
              notes: 'to 1.1.0',
              installedBy: 'root',
              installedAt: '2025-03-01T00:00:00.000Z',
            },
            {
              fromVersion: '1.1.0',
              version: '2.0.0',
              breaking: true,
              notes: 'to 2.0.0',
              installedBy: 'root',
              installedAt: '2025-03-02T00:00:00.000Z',
            },
          ],
        },
      });
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
      },
    });
    const [minor] = history(installed('1.0.0', '1.1.0', false, '2025-03-01T00:00:00.000Z'));
    expect(Object.keys(Object.fromEntries(projectAll(dependenciesProjection, [minor, other])))).toEqual([
      name,
      'integration-builder-utils',
    ]);
  });
});
