import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, ValidationError } from '../shared/errors';
import {
  type BindConnection,
  type DeployVersion,
  type RequireRepublish,
  type UnbindConnection,
} from './deployment.commands';
import {
  deploymentDecider,
  deploymentIn,
  republishRequirementsIn,
  requiresRepublish,
} from './deployment.decider';
import { type SchemaDifference } from '../schema-drift/schema-comparison';
import {
  type ConnectionBound,
  type ConnectionUnbound,
  type DeploymentEvent,
  type RepublishRequired,
  type VersionDeployed,
} from './deployment.events';
import { integrationDeploymentsStreamId } from './deployment.stream';

const integrationId = 'int-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };

const deployVersion = (data: Partial<DeployVersion['data']> = {}): DeployVersion => ({
  type: 'DeployVersion',
  data: {
    integrationId,
    version: 1,
    environment: 'qa',
    environmentKind: 'qa',
    publishedVersions: [1, 2],
    builtAgainst: [],
    ...data,
  },
  metadata,
});
const bindConnection = (data: Partial<BindConnection['data']> = {}): BindConnection => ({
  type: 'BindConnection',
  data: {
    integrationId,
    environment: 'qa',
    connectionId: 'conn-qa',
    connectionProvider: 'mysql',
    connectionEnvironment: 'qa',
    integrationProvider: 'mysql',
    ...data,
  },
  metadata,
});
const unbindConnection = (data: Partial<UnbindConnection['data']> = {}): UnbindConnection => ({
  type: 'UnbindConnection',
  data: { integrationId, environment: 'qa', ...data },
  metadata,
});
const connectionUnbound = (data: Partial<ConnectionUnbound['data']> = {}): DeploymentEvent => ({
  type: 'ConnectionUnbound',
  data: {
    integrationId,
    environment: 'qa',
    connectionId: 'conn-qa',
    unboundBy: 'admin',
    unboundAt: at,
    ...data,
  },
});
const droppedColumn: SchemaDifference = {
  kind: 'COLUMN_DROPPED',
  breaking: true,
  table: 'customers',
  entity: 'Customer',
  column: 'phone',
  expected: 'TEXT',
  message: 'Column customers.phone does not exist',
};
const override = { reason: 'The column comes back with the next release', differences: [droppedColumn] };
const requireRepublish = (data: Partial<RequireRepublish['data']> = {}): RequireRepublish => ({
  type: 'RequireRepublish',
  data: { integrationId, dependency: 'data-api-runtime', reason: 'Breaking update to 2.0.0', ...data },
  metadata,
});

const versionDeployed = (data: Partial<VersionDeployed['data']> = {}): DeploymentEvent => ({
  type: 'VersionDeployed',
  data: {
    integrationId,
    version: 1,
    environment: 'qa',
    environmentKind: 'qa',
    deployedBy: 'admin',
    deployedAt: at,
    ...data,
  },
});
const inDevelopment = (version: number) =>
  versionDeployed({ version, environment: 'dev', environmentKind: 'development' });
const connectionBound = (data: Partial<ConnectionBound['data']> = {}): DeploymentEvent => ({
  type: 'ConnectionBound',
  data: {
    integrationId,
    environment: 'qa',
    connectionId: 'conn-qa',
    connectionProvider: 'mysql',
    boundBy: 'admin',
    boundAt: at,
    ...data,
  },
});
const republishRequired = (data: Partial<RepublishRequired['data']> = {}): DeploymentEvent => ({
  type: 'RepublishRequired',
  data: {
    integrationId,
    dependency: 'data-api-runtime',
    reason: 'Breaking update to 2.0.0',
    requiredAt: at,
    ...data,
  },
});

const inQa = (version: string) => ({ environment: 'qa', version });
const cleared = (
  version: number,
  dependencies: readonly string[],
  environment?: string,
): DeploymentEvent => ({
  type: 'RepublishRequirementCleared',
  data: { integrationId, version, dependencies, clearedAt: at, ...(environment ? { environment } : {}) },
});
const builtOn = (version: string) => [{ name: 'data-api-runtime', version }];

const given = DeciderSpecification.for(deploymentDecider);
const state = (events: readonly DeploymentEvent[]) => fold(deploymentDecider, events);

describe('Deployment decider', () => {
  describe('DeployVersion', () => {
    it('deploys a published version to development when it is published', () =>
      given([])
        .when(deployVersion({ environment: 'dev', environmentKind: 'development' }))
        .then([inDevelopment(1)]));

    it('promotes a published version to qa', () =>
      given([inDevelopment(1)])
        .when(deployVersion())
        .then([versionDeployed()]));

    it('promotes another version over the deployed one, including an older one', () =>
      given([inDevelopment(2), versionDeployed({ version: 2 })])
        .when(deployVersion({ version: 1 }))
        .then([versionDeployed({ version: 1 })]));

    it('changes nothing when the version is already deployed there', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(deployVersion())
        .thenNothingHappens());

    it('refuses a version that is not published', () =>
      given([inDevelopment(1)])
        .when(deployVersion({ version: 3 }))
        .thenThrows(IllegalStateError, 'DEPLOYMENT.VERSION_NOT_PUBLISHED'));

    it('records the override of a schema mismatch with its reason and differences', () =>
      given([inDevelopment(1)])
        .when(deployVersion({ override: { ...override, reason: `  ${override.reason} ` } }))
        .then([versionDeployed({ override })]));
    it('refuses an override without a reason', () =>
      given([inDevelopment(1)])
        .when(deployVersion({ override: { reason: ' ', differences: [droppedColumn] } }))
        .thenThrows(ValidationError, 'DEPLOYMENT.INVALID', invalidFields('reason')));
    it('names every invalid field', () =>
      given([])
        .when(
          deployVersion({
            integrationId: '',
            version: 0,
            environment: ' ',
            environmentKind: 'staging' as never,
          }),
        )
        .thenThrows(
          ValidationError,
          'DEPLOYMENT.INVALID',
          invalidFields('integrationId', 'version', 'environment', 'environmentKind'),
        ));
  });

  describe('BindConnection', () => {
    it('binds a connection of the environment the version is deployed in', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection())
        .then([connectionBound()]));

    it('binds another connection in place of the bound one', () =>
      given([inDevelopment(1), versionDeployed(), connectionBound()])
        .when(bindConnection({ connectionId: 'conn-qa-2' }))
        .then([connectionBound({ connectionId: 'conn-qa-2' })]));

    it('changes nothing when the connection is already bound', () =>
      given([inDevelopment(1), versionDeployed(), connectionBound()])
        .when(bindConnection())
        .thenNothingHappens());

    it('refuses a connection of another provider than the integration', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection({ connectionProvider: 'mssql' }))
        .thenThrows(IllegalStateError, 'DEPLOYMENT.PROVIDER_MISMATCH'));

    it('refuses a connection of another environment', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection({ connectionEnvironment: 'production' }))
        .thenThrows(IllegalStateError, 'DEPLOYMENT.CONNECTION_ENVIRONMENT_MISMATCH'));

    it('refuses an environment without a deployment', () =>
      given([inDevelopment(1)])
        .when(bindConnection())
        .thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_DEPLOYED'));

    it('refuses an integration never deployed', () =>
      given([]).when(bindConnection()).thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_DEPLOYED'));

    it('records the override of a schema mismatch with its reason and differences', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection({ override }))
        .then([connectionBound({ override })]));
    it('refuses an override without a reason', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection({ override: { reason: '', differences: [] } }))
        .thenThrows(ValidationError, 'DEPLOYMENT.INVALID', invalidFields('reason')));
    it('refuses a binding without a connection', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(bindConnection({ connectionId: ' ' }))
        .thenThrows(ValidationError, 'DEPLOYMENT.INVALID', invalidFields('connectionId')));
  });

  describe('UnbindConnection', () => {
    it('unbinds the connection that serves the environment', () =>
      given([inDevelopment(1), versionDeployed(), connectionBound()])
        .when(unbindConnection())
        .then([connectionUnbound()]));
    it('leaves the environment deployed and served by no connection', () => {
      const unbound = state([inDevelopment(1), versionDeployed(), connectionBound(), connectionUnbound()]);
      expect(deploymentIn(unbound, 'qa')).toEqual({ version: 1 });
    });
    it('binds again once unbound', () =>
      given([inDevelopment(1), versionDeployed(), connectionBound(), connectionUnbound()])
        .when(bindConnection())
        .then([connectionBound()]));
    it('refuses an environment no connection serves', () =>
      given([inDevelopment(1), versionDeployed()])
        .when(unbindConnection())
        .thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_BOUND'));
    it('refuses twice', () =>
      given([inDevelopment(1), versionDeployed(), connectionBound(), connectionUnbound()])
        .when(unbindConnection())
        .thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_BOUND'));
    it('refuses an integration never deployed', () =>
      given([]).when(unbindConnection()).thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_BOUND'));
  });

  describe('RequireRepublish', () => {
    it('marks a deployed integration as needing a republish', () =>
      given([inDevelopment(1)])
        .when(requireRepublish())
        .then([republishRequired()]));

    it('changes nothing when the dependency already requires it', () =>
      given([inDevelopment(1), republishRequired()])
        .when(requireRepublish())
        .thenNothingHappens());

    it('records each breaking dependency', () =>
      given([inDevelopment(1), republishRequired()])
        .when(requireRepublish({ dependency: 'client-generator' }))
        .then([republishRequired({ dependency: 'client-generator' })]));

    it('refuses an integration never deployed', () =>
      given([]).when(requireRepublish()).thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_DEPLOYED'));

    it('names every invalid field', () =>
      given([inDevelopment(1)])
        .when(requireRepublish({ dependency: '', reason: 'x'.repeat(2001), environment: ' ', version: '2' }))
        .thenThrows(
          ValidationError,
          'DEPLOYMENT.INVALID',
          invalidFields('dependency', 'reason', 'environment', 'version'),
        ));

    describe('in one environment', () => {
      it('marks the deployment of the environment the breaking update was installed in', () =>
        given([inDevelopment(1), versionDeployed()])
          .when(requireRepublish(inQa('2.0.0')))
          .then([republishRequired(inQa('2.0.0'))]));

      it('refuses an environment the integration is not deployed in', () =>
        given([inDevelopment(1)])
          .when(requireRepublish(inQa('2.0.0')))
          .thenThrows(IllegalStateError, 'DEPLOYMENT.NOT_DEPLOYED'));

      it('changes nothing when the same or a later breaking version already requires it there', () => {
        given([inDevelopment(1), versionDeployed(), republishRequired(inQa('2.0.0'))])
          .when(requireRepublish(inQa('2.0.0')))
          .thenNothingHappens();
        given([inDevelopment(1), versionDeployed(), republishRequired(inQa('3.0.0'))])
          .when(requireRepublish(inQa('2.0.0')))
          .thenNothingHappens();
      });

      it('records a later breaking version, which a deployment must then be built against', () => {
        const history = [inDevelopment(1), versionDeployed(), republishRequired(inQa('2.0.0'))];
        given(history)
          .when(requireRepublish(inQa('3.0.0')))
          .then([republishRequired(inQa('3.0.0'))]);
        expect(
          republishRequirementsIn(state([...history, republishRequired(inQa('3.0.0'))]), 'qa'),
        ).toMatchObject([{ version: '3.0.0' }]);
      });

      it('keeps environments apart, and apart from a requirement installed everywhere', () =>
        given([inDevelopment(1), versionDeployed(), republishRequired(), republishRequired(inQa('2.0.0'))])
          .when(requireRepublish({ environment: 'dev', version: '2.0.0' }))
          .then([republishRequired({ environment: 'dev', version: '2.0.0' })]));

      it('needs the breaking version', () =>
        given([inDevelopment(1), versionDeployed()])
          .when(requireRepublish({ environment: 'qa' }))
          .thenThrows(ValidationError, 'DEPLOYMENT.INVALID', invalidFields('version')));
    });
  });

  describe('clearing a republish requirement installed everywhere (before updates were per environment)', () => {
    it('clears every pending requirement when a new version reaches development', () =>
      given([inDevelopment(1), republishRequired(), republishRequired({ dependency: 'client-generator' })])
        .when(deployVersion({ version: 2, environment: 'dev', environmentKind: 'development' }))
        .then([inDevelopment(2), cleared(2, ['data-api-runtime', 'client-generator'])]));

    it('keeps it when a version is promoted to qa', () =>
      given([inDevelopment(1), republishRequired()])
        .when(deployVersion({ version: 2 }))
        .then([versionDeployed({ version: 2 })]));

    it('keeps it when an older version is deployed to development', () =>
      given([inDevelopment(2), republishRequired()])
        .when(deployVersion({ version: 1, environment: 'dev', environmentKind: 'development' }))
        .then([inDevelopment(1)]));

    it('requires a republish in every environment, and no longer once cleared', () => {
      const required = state([inDevelopment(1), versionDeployed(), republishRequired()]);
      expect(requiresRepublish(required, 'dev')).toBe(true);
      expect(requiresRepublish(required, 'qa')).toBe(true);
      const clearedState = state([
        inDevelopment(1),
        versionDeployed(),
        republishRequired(),
        inDevelopment(2),
        cleared(2, ['data-api-runtime']),
      ]);
      expect(requiresRepublish(clearedState, 'dev')).toBe(false);
      expect(requiresRepublish(clearedState, 'qa')).toBe(false);
      expect(requiresRepublish(state([]), 'dev')).toBe(false);
    });

    it('leaves the requirements of one environment to versions deployed there', () =>
      given([inDevelopment(1), versionDeployed(), republishRequired(), republishRequired(inQa('2.0.0'))])
        .when(
          deployVersion({
            version: 2,
            environment: 'dev',
            environmentKind: 'development',
            builtAgainst: builtOn('2.0.0'),
          }),
        )
        .then([inDevelopment(2), cleared(2, ['data-api-runtime'])]));
  });

  describe('clearing a republish requirement of one environment', () => {
    const promotedThenBroken = [inDevelopment(2), versionDeployed(), republishRequired(inQa('2.0.0'))];

    it('clears it when a version built against the breaking version is deployed there', () =>
      given(promotedThenBroken)
        .when(deployVersion({ version: 2, builtAgainst: builtOn('2.0.0') }))
        .then([versionDeployed({ version: 2 }), cleared(2, ['data-api-runtime'], 'qa')]));

    it('clears it when a version built against a newer one is deployed there', () =>
      given(promotedThenBroken)
        .when(deployVersion({ version: 2, builtAgainst: builtOn('2.1.0') }))
        .then([versionDeployed({ version: 2 }), cleared(2, ['data-api-runtime'], 'qa')]));

    it('keeps it when the version deployed there was built against an older one', () =>
      given(promotedThenBroken)
        .when(deployVersion({ version: 2, builtAgainst: builtOn('1.9.0') }))
        .then([versionDeployed({ version: 2 })]));

    it('keeps it when the version deployed recorded no such dependency', () =>
      given(promotedThenBroken)
        .when(deployVersion({ version: 2, builtAgainst: [] }))
        .then([versionDeployed({ version: 2 })]));

    it('keeps it when a version built against the breaking one is deployed in another environment', () =>
      given(promotedThenBroken)
        .when(
          deployVersion({
            version: 3,
            environment: 'dev',
            environmentKind: 'development',
            publishedVersions: [1, 2, 3],
            builtAgainst: builtOn('2.0.0'),
          }),
        )
        .then([inDevelopment(3)]));

    it('requires a republish only in its environment, until cleared there', () => {
      const required = state(promotedThenBroken);
      expect(requiresRepublish(required, 'qa')).toBe(true);
      expect(requiresRepublish(required, 'dev')).toBe(false);
      expect(republishRequirementsIn(required, 'qa')).toEqual([
        {
          dependency: 'data-api-runtime',
          reason: 'Breaking update to 2.0.0',
          requiredAt: at,
          environment: 'qa',
          version: '2.0.0',
        },
      ]);
      expect(
        requiresRepublish(
          state([
            ...promotedThenBroken,
            versionDeployed({ version: 2 }),
            cleared(2, ['data-api-runtime'], 'qa'),
          ]),
          'qa',
        ),
      ).toBe(false);
    });

    it('keeps a requirement installed everywhere when one environment clears its own', () => {
      const both = state([
        ...promotedThenBroken,
        republishRequired(),
        versionDeployed({ version: 2 }),
        cleared(2, ['data-api-runtime'], 'qa'),
      ]);
      expect(republishRequirementsIn(both, 'qa')).toMatchObject([{ dependency: 'data-api-runtime' }]);
      expect(republishRequirementsIn(both, 'qa')[0].environment).toBeUndefined();
    });
  });

  describe('deploymentIn', () => {
    it('answers nothing for an environment without a deployment', () => {
      expect(deploymentIn(state([]), 'qa')).toBeUndefined();
      expect(deploymentIn(state([inDevelopment(1)]), 'qa')).toBeUndefined();
    });

    it('answers the version without a connection until one is bound', () =>
      expect(deploymentIn(state([inDevelopment(1), versionDeployed()]), 'qa')).toEqual({ version: 1 }));

    it('answers the version and the bound connection', () =>
      expect(deploymentIn(state([inDevelopment(1), versionDeployed(), connectionBound()]), 'qa')).toEqual({
        version: 1,
        connectionId: 'conn-qa',
      }));

    it('keeps the binding of an environment when a new version is promoted there', () =>
      expect(
        deploymentIn(
          state([inDevelopment(2), versionDeployed(), connectionBound(), versionDeployed({ version: 2 })]),
          'qa',
        ),
      ).toEqual({ version: 2, connectionId: 'conn-qa' }));

    it('ignores a binding, requirement or event type it cannot apply', () => {
      expect(state([connectionBound(), republishRequired()])).toEqual({ status: 'none' });
      expect(deploymentIn(state([inDevelopment(1), connectionBound()]), 'qa')).toBeUndefined();
      expect(state([inDevelopment(1), { type: 'SomethingNew', data: {} } as never])).toEqual(
        state([inDevelopment(1)]),
      );
    });
  });

  it('names the stream after the integration', () =>
    expect(integrationDeploymentsStreamId('int-1')).toBe('integration-deployments-int-1'));
});
