export { PublishingModule } from './publishing.module';
export {
  decodeKey,
  DEFAULT_LIMIT,
  encodeKey,
  enumValues,
  FILTER_OPERATORS,
  KEY_ENCODING_DESCRIPTION,
  MAX_KEY_LENGTH,
  MAX_LIMIT,
} from './publications/package/index';
export { RUNTIME_DEPENDENCIES } from './publications/publication-settings';
export { PublishedVersions } from './publications/published-versions';
export { PUBLISHING_VIEWS } from './publishing-views.list';
export {
  type PublicationStepView,
  type PublicationView,
  PublicationViews,
} from './publications/publication-queries/publication-views';
export {
  deploymentId,
  type DeploymentView,
  DeploymentViews,
} from './deployments/deployment-queries/deployment-views';
export {
  type DependencyUpdateView,
  type DependencyView,
  DependencyViews,
  installedIn,
  type IntegrationDependencyStateView,
  type RepublishRequirementView,
  updatesIn,
} from './dependencies/dependency-queries/dependency-views';
export { SchemaDriftChecks } from './schema-drift/drift-check/schema-drift-checks';
export { type IntegrationDriftResult } from './schema-drift/drift-check/drift-check.result';
export { type SchemaDriftView, SchemaDriftViews } from './schema-drift/drift-queries/schema-drift-views';
export { DeploymentChangeChecks } from './deployments/four-eyes/deployment-change-checks';
export { interceptUnbind } from './deployments/four-eyes/unbind-interception';
