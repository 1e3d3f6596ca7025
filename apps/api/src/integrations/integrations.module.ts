import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections';
import { IdentityModule } from '../identity';
import { AddEntitiesHandler } from './add-entities/add-entities.command';
import { AddEntitiesController } from './add-entities/add-entities.http';
import { ChangeDetailsHandler } from './change-details/change-details.command';
import { ChangeDetailsController } from './change-details/change-details.http';
import { ChooseNullPolicyHandler } from './choose-null-policy/choose-null-policy.command';
import { ChooseNullPolicyController } from './choose-null-policy/choose-null-policy.http';
import { ConvertToOpenHandler } from './convert-to-open/convert-to-open.command';
import { ConvertToOpenController } from './convert-to-open/convert-to-open.http';
import { CreateIntegrationHandler } from './create-integration/create-integration.command';
import { CreateIntegrationController } from './create-integration/create-integration.http';
import { IntegrationHistoryController } from './integration-history/integration-history.http';
import { GetIntegrationHistoryHandler } from './integration-history/integration-history.query';
import { GetPastIntegrationHandler } from './integration-history/past-integration.query';
import { IntegrationQueriesController } from './integration-queries/integration-queries.http';
import { GetIntegrationHandler, ListIntegrationsHandler } from './integration-queries/integration-queries';
import { GetIntegrationReviewHandler } from './integration-queries/integration-review.query';
import { IntegrationViews } from './integration-queries/integration-views';
import { RemoveEntityHandler } from './remove-entity/remove-entity.command';
import { RemoveEntityController } from './remove-entity/remove-entity.http';
import { RenameEntityHandler } from './rename-entity/rename-entity.command';
import { RenameEntityController } from './rename-entity/rename-entity.http';
import { SelectConnectionHandler } from './select-connection/select-connection.command';
import { SelectConnectionController } from './select-connection/select-connection.http';
import { SelectDatabaseHandler } from './select-database/select-database.command';
import { SelectDatabaseController } from './select-database/select-database.http';
import { BrowseSpecificationController } from './browse-specification/browse-specification.http';
import {
  DescribeSpecificationTableHandler,
  IntegrationSpecifications,
  ListSpecificationDatabasesHandler,
  ListSpecificationTablesHandler,
} from './browse-specification/browse-specification.queries';
import { ServiceSpecifications } from './upload-specification/service-specifications';
import { UploadSpecificationHandler } from './upload-specification/upload-specification.command';
import { UploadSpecificationController } from './upload-specification/upload-specification.http';

/**
 * Integrations through the wizard: create, pick a connection and a database, choose tables as
 * entities, choose the null policy, edit them. What was published is asked of Publishing through EVER_PUBLISHED_ENTITIES.
 */
@Module({
  imports: [IdentityModule, ConnectionsModule],
  controllers: [
    IntegrationQueriesController,
    IntegrationHistoryController,
    CreateIntegrationController,
    SelectConnectionController,
    UploadSpecificationController,
    BrowseSpecificationController,
    SelectDatabaseController,
    AddEntitiesController,
    RemoveEntityController,
    RenameEntityController,
    ChangeDetailsController,
    ChooseNullPolicyController,
    ConvertToOpenController,
  ],
  providers: [
    IntegrationViews,
    CreateIntegrationHandler,
    SelectConnectionHandler,
    ServiceSpecifications,
    UploadSpecificationHandler,
    IntegrationSpecifications,
    ListSpecificationDatabasesHandler,
    ListSpecificationTablesHandler,
    DescribeSpecificationTableHandler,
    SelectDatabaseHandler,
    AddEntitiesHandler,
    RemoveEntityHandler,
    RenameEntityHandler,
    ChangeDetailsHandler,
    ChooseNullPolicyHandler,
    ConvertToOpenHandler,
    ListIntegrationsHandler,
    GetIntegrationHandler,
    GetIntegrationReviewHandler,
    GetIntegrationHistoryHandler,
    GetPastIntegrationHandler,
  ],
  exports: [IntegrationViews, ServiceSpecifications],
})
export class IntegrationsModule {}
