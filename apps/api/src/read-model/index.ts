export { ReadModelModule } from './read-model.module';
export { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
