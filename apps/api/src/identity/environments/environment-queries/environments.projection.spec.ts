import { environmentStreamId, type EnvironmentEvent } from '@ib/domain';
import { environmentsProjection } from './environments.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';

const createdAt = '2025-03-04T05:06:07.000Z';
const record = () => {
  const recorder = eventRecorder();
  return (event: EnvironmentEvent) => recorder(environmentStreamId(event.data.name), event);
};
const given = ProjectionSpecification.for(environmentsProjection);

describe('environments projection', () => {
  it('shows each environment by name, with its address when it has one', () => {
    const recorded = record();
    given([
      recorded({
        type: 'EnvironmentCreated',
        data: {
          name: 'dev',
          kind: 'development',
          address: 'https://dev.local',
          createdBy: 'root',
          createdAt,
        },
      }),
    ])
      .when(
        recorded({
          type: 'EnvironmentCreated',
          data: { name: 'prod', kind: 'production', createdBy: 'root', createdAt },
        }),
      )
      .then({
        dev: {
          name: 'dev',
          kind: 'development',
          address: 'https://dev.local',
          createdBy: 'root',
          createdAt,
          fourEyes: false,
        },
        prod: { name: 'prod', kind: 'production', createdBy: 'root', createdAt, fourEyes: true },
      });
  });

  it('shows the policy an administrator changed', () => {
    const recorded = record();
    given([
      recorded({
        type: 'EnvironmentCreated',
        data: { name: 'qa', kind: 'qa', createdBy: 'root', createdAt },
      }),
    ])
      .when(
        recorded({
          type: 'EnvironmentPolicyChanged',
          data: { name: 'qa', fourEyes: true, changedBy: 'root', changedAt: createdAt },
        }),
      )
      .then({ qa: { name: 'qa', kind: 'qa', createdBy: 'root', createdAt, fourEyes: true } });
  });
});
