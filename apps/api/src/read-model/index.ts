export { ReadModelModule } from './read-model.module';
export {
  type ApiKeyView,
  type DependencyUpdateView,
  type EnvironmentView,
  installedIn,
  type IntegrationDependencyStateView,
  type PublicationStepView,
  type PublicationView,
  READ_MODEL_PROJECTIONS,
  type RepublishRequirementView,
  updatesIn,
  type UserSessionView,
  type UserView,
} from './projections';
export { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
export { READ_MODEL_VIEWS } from './read-model.views';
export { ReadModel } from './read-model';
