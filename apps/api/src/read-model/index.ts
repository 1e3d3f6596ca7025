export { ReadModelModule } from './read-model.module';
export {
  type ApiKeyView,
  type EnvironmentView,
  READ_MODEL_PROJECTIONS,
  type UserSessionView,
  type UserView,
} from './projections';
export { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
export { READ_MODEL_VIEWS } from './read-model.views';
export { ReadModel } from './read-model';
