export { IntegrationsModule } from './integrations.module';
export {
  EVER_PUBLISHED_ENTITIES,
  type EverPublishedEntities,
} from './add-entities/ever-published-entities.port';
export {
  DEPLOYED_VERSIONS,
  type DeployedVersion,
  type DeployedVersions,
} from './integration-queries/deployed-versions.port';
export { IntegrationViews } from './integration-queries/integration-views';
export { type IntegrationView } from './integration-queries/integrations.projection';
export { INTEGRATIONS_VIEWS } from './integration-views.list';
export { ServiceSpecifications } from './upload-specification/service-specifications';
