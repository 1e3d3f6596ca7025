export { READ_MODEL_ORM, ReadModelModule } from './read-model.module';
export { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
export { READ_MODEL_MIGRATIONS } from './migrations';
