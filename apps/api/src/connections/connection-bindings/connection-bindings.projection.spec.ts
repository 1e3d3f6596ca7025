import {
  type DeploymentEvent,
  type IntegrationEvent,
  integrationDeploymentsStreamId,
  integrationStreamId,
} from '@ib/domain';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../infrastructure/read-model/testing/projection-specification';
import { connectionBindingsProjection } from './connection-bindings.projection';

const integrationId = 'int-1';
const at = '2025-03-04T05:06:07.000Z';
const deployed = (environment: string): DeploymentEvent => ({
  type: 'VersionDeployed',
  data: { integrationId, version: 1, environment, environmentKind: 'qa', deployedBy: 'root', deployedAt: at },
});
const bound = (environment: string, connectionId: string): DeploymentEvent => ({
  type: 'ConnectionBound',
  data: {
    integrationId,
    environment,
    connectionId,
    connectionProvider: 'sqlite',
    boundBy: 'root',
    boundAt: at,
  },
});
const history = (...events: DeploymentEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(integrationDeploymentsStreamId(integrationId), event));
};
const given = ProjectionSpecification.for(connectionBindingsProjection);

describe('connection bindings projection', () => {
  it('knows which connection serves an integration in an environment', () => {
    const [wasDeployed, wasBound] = history(deployed('qa'), bound('qa', 'conn-1'));
    given([wasDeployed])
      .when(wasBound)
      .then({
        'int-1:qa': { id: 'int-1:qa', integrationId, environment: 'qa', connectionId: 'conn-1' },
      });
  });

  it('forgets the connection a new binding replaced there', () => {
    const [first, second] = history(bound('qa', 'conn-1'), bound('qa', 'conn-2'));
    given([first])
      .when(second)
      .then({
        'int-1:qa': { id: 'int-1:qa', integrationId, environment: 'qa', connectionId: 'conn-2' },
      });
  });

  it('forgets the binding once the connection is unbound there', () => {
    const [wasBound, unbound] = history(bound('qa', 'conn-1'), {
      type: 'ConnectionUnbound',
      data: { integrationId, environment: 'qa', connectionId: 'conn-1', unboundBy: 'root', unboundAt: at },
    });
    given([wasBound]).when(unbound).then({});
  });

  it('knows the connection an integration is built on, in the environment it was created in', () => {
    const record = eventRecorder();
    const stream = integrationStreamId(integrationId);
    const created = record(stream, {
      type: 'IntegrationCreated',
      data: {
        integrationId,
        environment: 'development',
        provider: 'sqlite',
        applicationName: 'Shop',
        moduleName: 'shop',
        description: '',
        createdBy: 'root',
        createdAt: at,
      },
    } satisfies IntegrationEvent);
    const selected = (connectionId: string) =>
      record(stream, {
        type: 'IntegrationConnectionSelected',
        data: { integrationId, connectionId, selectedAt: at },
      } satisfies IntegrationEvent);
    const first = selected('conn-1');
    const second = selected('conn-2');
    given([created, first])
      .when(second)
      .then({
        'int-1:own': { id: 'int-1:own', integrationId, environment: 'development', connectionId: 'conn-2' },
      });
  });

  it('reads the bindings of the deployments and the connection of each integration, nothing else', () =>
    expect(connectionBindingsProjection.handles).toEqual([
      'ConnectionBound',
      'ConnectionUnbound',
      'IntegrationCreated',
      'IntegrationConnectionSelected',
    ]));
});
