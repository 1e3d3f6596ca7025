import { type MigrationObject } from '@mikro-orm/core';
import { CreateReadModel0001 } from './0001-create-read-model.migration';
import { CreatePublishingViews0002 } from './0002-create-publishing-views.migration';
import { IntegrationPublishedVersion0003 } from './0003-integration-published-version.migration';
import { DependenciesPerEnvironment0004 } from './0004-dependencies-per-environment.migration';
import { UserOwner0005 } from './0005-user-owner.migration';
import { ProcessInstances0006 } from './0006-process-instances.migration';
import { UserSessions0007 } from './0007-user-sessions.migration';
import { RepublishRuns0008 } from './0008-republish-runs.migration';
import { JobLeases0009 } from './0009-job-leases.migration';
import { UserEmail0010 } from './0010-user-email.migration';
import { Notifications0011 } from './0011-notifications.migration';
import { IntegrationNullPolicy0012 } from './0012-integration-null-policy.migration';
import { ConnectionBindings0013 } from './0013-connection-bindings.migration';
import { UserAccess0014 } from './0014-user-access.migration';
import { FourEyes0015 } from './0015-four-eyes.migration';
import { SchemaDrift0016 } from './0016-schema-drift.migration';
import { OwnConnectionBindings0017 } from './0017-own-connection-bindings.migration';
import { IntegrationSpecification0018 } from './0018-integration-specification.migration';
import { ApiKeyScopeAndUsage0019 } from './0019-api-key-scope-and-usage.migration';

/** Every read-model migration in order; listed explicitly so bundles and ts-jest need no file discovery. */
export const READ_MODEL_MIGRATIONS: MigrationObject[] = [
  { name: '0001-create-read-model', class: CreateReadModel0001 },
  { name: '0002-create-publishing-views', class: CreatePublishingViews0002 },
  { name: '0003-integration-published-version', class: IntegrationPublishedVersion0003 },
  { name: '0004-dependencies-per-environment', class: DependenciesPerEnvironment0004 },
  { name: '0005-user-owner', class: UserOwner0005 },
  { name: '0006-process-instances', class: ProcessInstances0006 },
  { name: '0007-user-sessions', class: UserSessions0007 },
  { name: '0008-republish-runs', class: RepublishRuns0008 },
  { name: '0009-job-leases', class: JobLeases0009 },
  { name: '0010-user-email', class: UserEmail0010 },
  { name: '0011-notifications', class: Notifications0011 },
  { name: '0012-integration-null-policy', class: IntegrationNullPolicy0012 },
  { name: '0013-connection-bindings', class: ConnectionBindings0013 },
  { name: '0014-user-access', class: UserAccess0014 },
  { name: '0015-four-eyes', class: FourEyes0015 },
  { name: '0016-schema-drift', class: SchemaDrift0016 },
  { name: '0017-own-connection-bindings', class: OwnConnectionBindings0017 },
  { name: '0018-integration-specification', class: IntegrationSpecification0018 },
  { name: '0019-api-key-scope-and-usage', class: ApiKeyScopeAndUsage0019 },
];
