import { type DeploymentEvent, integrationDeploymentsStreamId } from '@ib/domain';
import { deploymentsProjection, type DeploymentView } from './deployments.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';

const integrationId = 'int-1';
const at = (minute: number) => `2025-03-04T05:0${minute}:00.000Z`;

const deployed = (version: number, environment: string, minute: number): DeploymentEvent => ({
  type: 'VersionDeployed',
  data: {
    integrationId,
    version,
    environment,
    environmentKind: environment === 'dev' ? 'development' : 'qa',
    deployedBy: 'root',
    deployedAt: at(minute),
  },
});
const bound = (environment: string, connectionId: string): DeploymentEvent => ({
  type: 'ConnectionBound',
  data: {
    integrationId,
    environment,
    connectionId,
    connectionProvider: 'sqlite',
    boundBy: 'ops',
    boundAt: at(5),
  },
});

const inQa: DeploymentView = {
  id: `${integrationId}:qa`,
  integrationId,
  environment: 'qa',
  environmentKind: 'qa',
  version: 1,
  deployedBy: 'root',
  deployedAt: at(1),
};

const history = (...events: DeploymentEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(integrationDeploymentsStreamId(integrationId), event));
};
const given = ProjectionSpecification.for(deploymentsProjection);

describe('deployments projection', () => {
  it('keeps one document per environment with the version deployed there', () => {
    const [inDev, toQa] = history(deployed(1, 'dev', 0), deployed(1, 'qa', 1));
    given([inDev])
      .when(toQa)
      .then({
        [`${integrationId}:dev`]: {
          ...inQa,
          id: `${integrationId}:dev`,
          environment: 'dev',
          environmentKind: 'development',
          deployedAt: at(0),
        },
        [`${integrationId}:qa`]: inQa,
      });
  });

  it('records the connection bound in an environment, and keeps it for a newer version', () => {
    const [toQa, wasBound, newer] = history(
      deployed(1, 'qa', 1),
      bound('qa', 'conn-qa'),
      deployed(2, 'qa', 6),
    );
    given([toQa, wasBound])
      .when(newer)
      .then({
        [`${integrationId}:qa`]: {
          ...inQa,
          version: 2,
          deployedAt: at(6),
          connectionId: 'conn-qa',
          connectionProvider: 'sqlite',
          boundBy: 'ops',
          boundAt: at(5),
        },
      });
  });

  it('forgets the connection once unbound, keeping the deployment', () => {
    const [toQa, wasBound, unbound] = history(deployed(1, 'qa', 1), bound('qa', 'conn-qa'), {
      type: 'ConnectionUnbound',
      data: { integrationId, environment: 'qa', connectionId: 'conn-qa', unboundBy: 'ops', unboundAt: at(7) },
    });
    given([toQa, wasBound])
      .when(unbound)
      .then({ [`${integrationId}:qa`]: inQa });
  });

  it('shows nothing for a binding in an environment where nothing is deployed', () => {
    const [wasBound] = history(bound('prod', 'conn-prod'));
    given([]).when(wasBound).then({});
  });

  it('leaves republish requirements to the dependency states view', () => {
    expect(deploymentsProjection.handles).toEqual([
      'VersionDeployed',
      'ConnectionBound',
      'ConnectionUnbound',
    ]);
  });
});
