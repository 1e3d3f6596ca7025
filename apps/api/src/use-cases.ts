import { type Provider, type Type } from '@nestjs/common';
import { ApiKeyVerifier } from './identity/api-keys/api-key-verifier';
import { Authenticator } from './identity/auth/authenticator';
import { CreateApiKeyHandler } from './identity/api-keys/create-api-key/create-api-key.command';
import { CreateApiKeyController } from './identity/api-keys/create-api-key/create-api-key.http';
import { RevokeApiKeyHandler } from './identity/api-keys/revoke-api-key/revoke-api-key.command';
import { RevokeApiKeyController } from './identity/api-keys/revoke-api-key/revoke-api-key.http';
import { LoginHandler } from './identity/auth/login/login.command';
import { LogoutHandler } from './identity/auth/login/logout.command';
import { UserDirectory } from './identity/auth/user-directory';
import { LoginController } from './identity/auth/login/login.http';
import { ApprovedRequestReactor } from './connections/decide-connection-request/approved-request.reactor';
import { ConnectionFromRequest } from './connections/decide-connection-request/connection-from-request';
import { DecideConnectionRequestHandler } from './connections/decide-connection-request/decide-connection-request.command';
import { DecideConnectionRequestController } from './connections/decide-connection-request/decide-connection-request.http';
import {
  ConnectionRequestQueriesController,
  GetConnectionRequestHandler,
  ListConnectionRequestsHandler,
} from './connections/connection-request-queries/connection-request-queries.http';
import { ConnectionRequestViews } from './connections/connection-request-queries/connection-request-views';
import { RequestConnectionHandler } from './connections/request-connection/request-connection.command';
import { RequestConnectionController } from './connections/request-connection/request-connection.http';
import { BrowseConnectionController } from './connections/browse-connection/browse-connection.http';
import {
  DescribeTableHandler,
  ListDatabasesHandler,
  ListTablesHandler,
  TestConnectionHandler,
} from './connections/browse-connection/browse-connection.queries';
import { ConnectionAccess } from './connections/connection-access/connection-access';
import { OpenConnectors } from './connections/connection-access/open-connectors';
import {
  ConnectionQueriesController,
  GetConnectionHandler,
  ListConnectionsHandler,
} from './connections/connection-queries/connection-queries.http';
import { ConnectionViews } from './connections/connection-queries/connection-views';
import { CreateConnectionHandler } from './connections/create-connection/create-connection.command';
import { CreateConnectionController } from './connections/create-connection/create-connection.http';
import { DataApiController } from './data-api/data-api.http';
import { PublishedEntities } from './data-api/published-entities';
import { DeploymentsController } from './publishing/deployments/deployments.http';
import { CreateEnvironmentHandler } from './identity/environments/create-environment/create-environment.command';
import { CreateEnvironmentController } from './identity/environments/create-environment/create-environment.http';
import { EnvironmentAccess } from './identity/environments/environment-access/environment-access';
import {
  EnvironmentQueriesController,
  GetEnvironmentHandler,
  ListEnvironmentsHandler,
} from './identity/environments/environment-queries/environment-queries.http';
import { EnvironmentViews } from './identity/environments/environment-queries/environment-views';
import { HealthController } from './operations/health/health.http';
import { AddEntitiesHandler } from './integrations/add-entities/add-entities.command';
import { ChangeDetailsHandler } from './integrations/change-details/change-details.command';
import { ChangeDetailsController } from './integrations/change-details/change-details.http';
import { ConvertToOpenHandler } from './integrations/convert-to-open/convert-to-open.command';
import { ConvertToOpenController } from './integrations/convert-to-open/convert-to-open.http';
import { RenameEntityHandler } from './integrations/rename-entity/rename-entity.command';
import { RenameEntityController } from './integrations/rename-entity/rename-entity.http';
import { AddEntitiesController } from './integrations/add-entities/add-entities.http';
import { CreateIntegrationHandler } from './integrations/create-integration/create-integration.command';
import { CreateIntegrationController } from './integrations/create-integration/create-integration.http';
import { IntegrationCommands } from './integrations/integration-command';
import {
  GetIntegrationHandler,
  ListIntegrationsHandler,
} from './integrations/integration-queries/integration-queries';
import { IntegrationQueriesController } from './integrations/integration-queries/integration-queries.http';
import { GetIntegrationReviewHandler } from './integrations/integration-queries/integration-review.query';
import { IntegrationViews } from './integrations/integration-queries/integration-views';
import { RemoveEntityHandler } from './integrations/remove-entity/remove-entity.command';
import { RemoveEntityController } from './integrations/remove-entity/remove-entity.http';
import { SelectConnectionHandler } from './integrations/select-connection/select-connection.command';
import { SelectConnectionController } from './integrations/select-connection/select-connection.http';
import { SelectDatabaseHandler } from './integrations/select-database/select-database.command';
import { SelectDatabaseController } from './integrations/select-database/select-database.http';
import { PackageStore } from './publishing/publications/package-store';
import { PublicationProcess } from './publishing/publications/process/publication.process';
import { PublicationIndex } from './publishing/publications/publication-index';
import { PublishedVersions } from './publishing/publications/published-versions';
import { PublicationQueriesController } from './publishing/publications/publication-queries/publication-queries.http';
import { PublishIntegrationHandler } from './publishing/publications/publish-integration/publish-integration.command';
import { PublishIntegrationController } from './publishing/publications/publish-integration/publish-integration.http';
import { ProjectionsStatusController } from './operations/projections-status/projections-status.http';
import { ProviderListController } from './operations/providers/provider-list.http';
import { CreateUserHandler } from './identity/users/create-user/create-user.command';
import { CreateUserController } from './identity/users/create-user/create-user.http';
import { ChangeUserRolesHandler } from './identity/users/change-user-roles/change-user-roles.command';
import { ChangeUserRolesController } from './identity/users/change-user-roles/change-user-roles.http';
import {
  GetUserHandler,
  ListUsersHandler,
  UserQueriesController,
} from './identity/users/user-queries/user-queries.http';
import { UserViews } from './identity/users/user-queries/user-views';
import { ApiKeyQueriesController } from './identity/api-keys/api-key-queries/api-key-queries.http';
import { ListApiKeysHandler } from './identity/api-keys/api-key-queries/api-key-queries';
import { DependencyQueriesController } from './publishing/dependencies/dependency-queries/dependency-queries.http';
import {
  GetIntegrationDependenciesHandler,
  ListDependenciesHandler,
} from './publishing/dependencies/dependency-queries/dependency-queries';
import { DeploymentQueriesController } from './publishing/deployments/deployment-queries/deployment-queries.http';
import { ListIntegrationDeploymentsHandler } from './publishing/deployments/deployment-queries/deployment-queries';
import { IntegrationPublicationsController } from './publishing/publications/publication-queries/integration-publications.http';
import {
  ListIntegrationPublicationsHandler,
  ListIntegrationVersionsHandler,
} from './publishing/publications/publication-queries/integration-publications.queries';

import { BreakingUpdateReactor } from './publishing/dependencies/breaking-update.reactor';
import { InstallDependencyUpdateHandler } from './publishing/dependencies/install-dependency-update/install-dependency-update.command';
import { InstallDependencyUpdateController } from './publishing/dependencies/install-dependency-update/install-dependency-update.http';
import { PublicationStarter } from './publishing/publications/publish-integration/publication-starter';
import { RepublishProcess } from './publishing/republish/process/republish.process';
import { RepublishQueriesController } from './publishing/republish/republish-queries/republish-queries.http';
import { RepublishRuns } from './publishing/republish/republish-runs';
import { StartRepublishHandler } from './publishing/republish/start-republish/start-republish.command';
import { StartRepublishController } from './publishing/republish/start-republish/start-republish.http';
/** Every use case of the API, registered in one place. */
export const CONTROLLERS: Type[] = [
  HealthController,
  LoginController,
  EnvironmentQueriesController,
  CreateEnvironmentController,
  UserQueriesController,
  CreateUserController,
  ChangeUserRolesController,
  ProviderListController,
  IntegrationQueriesController,
  CreateIntegrationController,
  SelectConnectionController,
  SelectDatabaseController,
  AddEntitiesController,
  RemoveEntityController,
  RenameEntityController,
  ChangeDetailsController,
  ConvertToOpenController,
  ConnectionQueriesController,
  CreateConnectionController,
  BrowseConnectionController,
  ConnectionRequestQueriesController,
  RequestConnectionController,
  DecideConnectionRequestController,
  ProjectionsStatusController,
  PublishIntegrationController,
  PublicationQueriesController,
  DeploymentsController,
  DataApiController,
  CreateApiKeyController,
  RevokeApiKeyController,
  IntegrationPublicationsController,
  DeploymentQueriesController,
  DependencyQueriesController,
  ApiKeyQueriesController,
  InstallDependencyUpdateController,
  StartRepublishController,
  RepublishQueriesController,
];

export const SERVICES: Provider[] = [
  EnvironmentAccess,
  EnvironmentViews,
  UserViews,
  IntegrationCommands,
  IntegrationViews,
  ConnectionAccess,
  OpenConnectors,
  ConnectionViews,
  ConnectionRequestViews,
  ConnectionFromRequest,
  ApprovedRequestReactor,
  PackageStore,
  PublicationIndex,
  PublishedVersions,
  PublicationProcess,
  PublishedEntities,
  ApiKeyVerifier,
  UserDirectory,
  Authenticator,
  PublicationStarter,
  BreakingUpdateReactor,
  RepublishRuns,
  RepublishProcess,
];

export const HANDLERS: Provider[] = [
  LoginHandler,
  LogoutHandler,
  CreateEnvironmentHandler,
  ListEnvironmentsHandler,
  GetEnvironmentHandler,
  CreateUserHandler,
  ChangeUserRolesHandler,
  ListUsersHandler,
  GetUserHandler,
  CreateIntegrationHandler,
  SelectConnectionHandler,
  SelectDatabaseHandler,
  AddEntitiesHandler,
  RemoveEntityHandler,
  RenameEntityHandler,
  ChangeDetailsHandler,
  ConvertToOpenHandler,
  ListIntegrationsHandler,
  GetIntegrationHandler,
  GetIntegrationReviewHandler,
  CreateConnectionHandler,
  ListConnectionsHandler,
  GetConnectionHandler,
  TestConnectionHandler,
  ListDatabasesHandler,
  ListTablesHandler,
  DescribeTableHandler,
  RequestConnectionHandler,
  DecideConnectionRequestHandler,
  ListConnectionRequestsHandler,
  GetConnectionRequestHandler,
  PublishIntegrationHandler,
  CreateApiKeyHandler,
  RevokeApiKeyHandler,
  ListIntegrationPublicationsHandler,
  ListIntegrationVersionsHandler,
  ListIntegrationDeploymentsHandler,
  ListDependenciesHandler,
  GetIntegrationDependenciesHandler,
  ListApiKeysHandler,
  InstallDependencyUpdateHandler,
  StartRepublishHandler,
];
