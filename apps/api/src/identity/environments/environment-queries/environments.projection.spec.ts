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
        dev: { name: 'dev', kind: 'development', address: 'https://dev.local', createdBy: 'root', createdAt },
        prod: { name: 'prod', kind: 'production', createdBy: 'root', createdAt },
      });
  });
});
