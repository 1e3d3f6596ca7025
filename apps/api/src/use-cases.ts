import { type Provider, type Type } from '@nestjs/common';
import { ApiKeyVerifier } from './api-keys/api-key-verifier';
import { Authenticator } from './auth/authenticator';
import { CreateApiKeyHandler } from './api-keys/create-api-key/create-api-key.command';
import { CreateApiKeyController } from './api-keys/create-api-key/create-api-key.http';
import { RevokeApiKeyHandler } from './api-keys/revoke-api-key/revoke-api-key.command';
import { RevokeApiKeyController } from './api-keys/revoke-api-key/revoke-api-key.http';
import { LoginHandler } from './auth/login/login.command';
import { LogoutHandler } from './auth/login/logout.command';
import { UserDirectory } from './auth/user-directory';
import { LoginController } from './auth/login/login.http';
import { ApprovedRequestReactor } from './connection-requests/decide-connection-request/approved-request.reactor';
import { ConnectionFromRequest } from './connection-requests/decide-connection-request/connection-from-request';
import { DecideConnectionRequestHandler } from './connection-requests/decide-connection-request/decide-connection-request.command';
import { DecideConnectionRequestController } from './connection-requests/decide-connection-request/decide-connection-request.http';
import {
  ConnectionRequestQueriesController,
  GetConnectionRequestHandler,
  ListConnectionRequestsHandler,
} from './connection-requests/connection-request-queries/connection-request-queries.http';
import { ConnectionRequestViews } from './connection-requests/connection-request-queries/connection-request-views';
import { RequestConnectionHandler } from './connection-requests/request-connection/request-connection.command';
import { RequestConnectionController } from './connection-requests/request-connection/request-connection.http';
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
import { DataApiRoutes } from './data-api/data-api.http';
import { PublishedEntities } from './data-api/published-entities';
import { DeploymentsController } from './deployments/deployments.http';
import { CreateEnvironmentHandler } from './environments/create-environment/create-environment.command';
import { CreateEnvironmentController } from './environments/create-environment/create-environment.http';
import { EnvironmentAccess } from './environments/environment-access/environment-access';
import {
  EnvironmentQueriesController,
  GetEnvironmentHandler,
  ListEnvironmentsHandler,
} from './environments/environment-queries/environment-queries.http';
import { EnvironmentViews } from './environments/environment-queries/environment-views';
import { HealthController } from './health/health.http';
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
import { PackageStore } from './publications/package-store';
import { PublicationProcess } from './publications/process/publication.process';
import { PublicationIndex } from './publications/publication-index';
import { PublishedVersions } from './publications/published-versions';
import { PublicationQueriesController } from './publications/publication-queries/publication-queries.http';
import { PublishIntegrationHandler } from './publications/publish-integration/publish-integration.command';
import { PublishIntegrationController } from './publications/publish-integration/publish-integration.http';
import { ProjectionsStatusController } from './projections-status/projections-status.http';
import { ProviderListController } from './providers/provider-list.http';
import { CreateUserHandler } from './users/create-user/create-user.command';
import { CreateUserController } from './users/create-user/create-user.http';
import { ChangeUserRolesHandler } from './users/change-user-roles/change-user-roles.command';
import { ChangeUserRolesController } from './users/change-user-roles/change-user-roles.http';
import {
  GetUserHandler,
  ListUsersHandler,
  UserQueriesController,
} from './users/user-queries/user-queries.http';
import { UserViews } from './users/user-queries/user-views';
import { ApiKeyQueriesController } from './api-keys/api-key-queries/api-key-queries.http';
import { ListApiKeysHandler } from './api-keys/api-key-queries/api-key-queries';
import { DependencyQueriesController } from './dependencies/dependency-queries/dependency-queries.http';
import {
  GetIntegrationDependenciesHandler,
  ListDependenciesHandler,
} from './dependencies/dependency-queries/dependency-queries';
import { DeploymentQueriesController } from './deployments/deployment-queries/deployment-queries.http';
import { ListIntegrationDeploymentsHandler } from './deployments/deployment-queries/deployment-queries';
import { IntegrationPublicationsController } from './publications/publication-queries/integration-publications.http';
import {
  ListIntegrationPublicationsHandler,
  ListIntegrationVersionsHandler,
} from './publications/publication-queries/integration-publications.queries';

import { BreakingUpdateReactor } from './dependencies/breaking-update.reactor';
import { InstallDependencyUpdateHandler } from './dependencies/install-dependency-update/install-dependency-update.command';
import { InstallDependencyUpdateController } from './dependencies/install-dependency-update/install-dependency-update.http';
import { PublicationStarter } from './publications/publish-integration/publication-starter';
import { RepublishProcess } from './republish/process/republish.process';
import { RepublishQueriesController } from './republish/republish-queries/republish-queries.http';
import { RepublishRuns } from './republish/republish-runs';
import { StartRepublishHandler } from './republish/start-republish/start-republish.command';
import { StartRepublishController } from './republish/start-republish/start-republish.http';
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
  DataApiRoutes,
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
