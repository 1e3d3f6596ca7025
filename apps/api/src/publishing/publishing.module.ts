import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.provider';
import { type AppConfig } from '../config/app-config';
import { ConnectionsModule } from '../connections';
import { IdentityModule } from '../identity';
import { DEPLOYED_VERSIONS, EVER_PUBLISHED_ENTITIES, IntegrationsModule } from '../integrations';
import { BreakingUpdateReactor } from './dependencies/breaking-update.reactor';
import { DependencyViews } from './dependencies/dependency-queries/dependency-views';
import { DependencyQueriesController } from './dependencies/dependency-queries/dependency-queries.http';
import {
  GetIntegrationDependenciesHandler,
  ListDependenciesHandler,
} from './dependencies/dependency-queries/dependency-queries';
import { InstallDependencyUpdateHandler } from './dependencies/install-dependency-update/install-dependency-update.command';
import { InstallDependencyUpdateController } from './dependencies/install-dependency-update/install-dependency-update.http';
import { DeploymentQueriesController } from './deployments/deployment-queries/deployment-queries.http';
import { ListIntegrationDeploymentsHandler } from './deployments/deployment-queries/deployment-queries';
import { DeploymentViews } from './deployments/deployment-queries/deployment-views';
import { EnvironmentDeploymentsController } from './deployments/environment-deployments/environment-deployments.http';
import { ListEnvironmentDeploymentsHandler } from './deployments/environment-deployments/environment-deployments.query';
import { EnvironmentHealthController } from './deployments/environment-health/environment-health.http';
import { GetEnvironmentHealthHandler } from './deployments/environment-health/environment-health.query';
import { BindConnectionHandler } from './deployments/bind-connection/bind-connection.command';
import { BindConnectionController } from './deployments/bind-connection/bind-connection.http';
import { PromoteVersionHandler } from './deployments/promote-version/promote-version.command';
import { PromoteVersionController } from './deployments/promote-version/promote-version.http';
import { PromotionGate } from './deployments/promotion-gate/promotion-gate';
import { DeploymentCommands } from './deployments/deployment-commands';
import { UnbindConnectionHandler } from './deployments/unbind-connection/unbind-connection.command';
import { UnbindConnectionController } from './deployments/unbind-connection/unbind-connection.http';
import { DeploymentChangeChecks } from './deployments/four-eyes/deployment-change-checks';
import { DeploymentChangeExecutors } from './deployments/four-eyes/deployment-change-executors';
import { createPackageStore } from './publications/open-package-store';
import { PackageStore } from './publications/package-store.port';
import { PublicationProcess } from './publications/process/publication.process';
import { PublicationIndex } from './publications/publication-index';
import { IntegrationPublicationsController } from './publications/publication-queries/integration-publications.http';
import {
  ListIntegrationPublicationsHandler,
  ListIntegrationVersionsHandler,
} from './publications/publication-queries/integration-publications.queries';
import { PublicationQueriesController } from './publications/publication-queries/publication-queries.http';
import { PublicationViews } from './publications/publication-queries/publication-views';
import { PublicationStarter } from './publications/publish-integration/publication-starter';
import { PublishIntegrationHandler } from './publications/publish-integration/publish-integration.command';
import { VersionOpenApiController } from './publications/version-openapi/version-openapi.http';
import { PublishIntegrationController } from './publications/publish-integration/publish-integration.http';
import { PublishedVersions } from './publications/published-versions';
import { RepublishProcess } from './republish/process/republish.process';
import { RepublishQueriesController } from './republish/republish-queries/republish-queries.http';
import { RepublishRunViews } from './republish/republish-queries/republish-run-views';
import { RepublishRuns } from './republish/republish-runs';
import { StartRepublishHandler } from './republish/start-republish/start-republish.command';
import { StartRepublishController } from './republish/start-republish/start-republish.http';
import { RunDriftCheckHandler } from './schema-drift/drift-check/run-drift-check.command';
import { RunDriftCheckController } from './schema-drift/drift-check/run-drift-check.http';
import { ScheduledDriftChecks } from './schema-drift/drift-check/scheduled-drift-checks';
import { SchemaDriftChecks } from './schema-drift/drift-check/schema-drift-checks';
import {
  GetEnvironmentDriftHandler,
  GetIntegrationDriftHandler,
} from './schema-drift/drift-queries/drift-queries';
import { DriftQueriesController } from './schema-drift/drift-queries/drift-queries.http';
import { SchemaDriftViews } from './schema-drift/drift-queries/schema-drift-views';

/**
 * Publications and their packages, deployments to environments, runtime dependencies and republish
 * runs. Global only so that Integrations receives EVER_PUBLISHED_ENTITIES and DEPLOYED_VERSIONS without
 * importing this module, which imports Integrations.
 */
@Global()
@Module({
  imports: [IdentityModule, ConnectionsModule, IntegrationsModule],
  controllers: [
    PublishIntegrationController,
    PublicationQueriesController,
    IntegrationPublicationsController,
    VersionOpenApiController,
    PromoteVersionController,
    BindConnectionController,
    UnbindConnectionController,
    DeploymentQueriesController,
    EnvironmentDeploymentsController,
    EnvironmentHealthController,
    DependencyQueriesController,
    InstallDependencyUpdateController,
    StartRepublishController,
    RepublishQueriesController,
    RunDriftCheckController,
    DriftQueriesController,
  ],
  providers: [
    PublicationViews,
    DeploymentViews,
    DependencyViews,
    RepublishRunViews,
    {
      provide: PackageStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createPackageStore(config.database, config.dataDir),
    },
    PublicationIndex,
    PublishedVersions,
    { provide: EVER_PUBLISHED_ENTITIES, useExisting: PublishedVersions },
    { provide: DEPLOYED_VERSIONS, useExisting: DeploymentViews },
    PublicationStarter,
    PublicationProcess,
    BreakingUpdateReactor,
    RepublishRuns,
    RepublishProcess,
    PublishIntegrationHandler,
    ListIntegrationPublicationsHandler,
    ListIntegrationVersionsHandler,
    PromoteVersionHandler,
    BindConnectionHandler,
    UnbindConnectionHandler,
    PromotionGate,
    DeploymentCommands,
    DeploymentChangeChecks,
    DeploymentChangeExecutors,
    ListIntegrationDeploymentsHandler,
    ListEnvironmentDeploymentsHandler,
    GetEnvironmentHealthHandler,
    ListDependenciesHandler,
    GetIntegrationDependenciesHandler,
    InstallDependencyUpdateHandler,
    StartRepublishHandler,
    SchemaDriftViews,
    SchemaDriftChecks,
    ScheduledDriftChecks,
    RunDriftCheckHandler,
    GetIntegrationDriftHandler,
    GetEnvironmentDriftHandler,
  ],
  exports: [
    EVER_PUBLISHED_ENTITIES,
    DEPLOYED_VERSIONS,
    PublishedVersions,
    PackageStore,
    DeploymentViews,
    DependencyViews,
    SchemaDriftViews,
    SchemaDriftChecks,
    DeploymentChangeChecks,
  ],
})
export class PublishingModule implements OnApplicationShutdown {
  constructor(@Inject(PackageStore) private readonly packages: PackageStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.packages.close();
  }
}
