export { ReadModelModule } from './read-model.module';
export {
  type DependencyUpdateView,
  installedIn,
  type IntegrationDependencyStateView,
  type PublicationStepView,
  type PublicationView,
  READ_MODEL_PROJECTIONS,
  type RepublishRequirementView,
  updatesIn,
} from './projections';
export { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
export { READ_MODEL_VIEWS } from './read-model.views';
export { ReadModel } from './read-model';
