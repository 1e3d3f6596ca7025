export {
  READ_MODEL_ACCESS,
  READ_MODEL_ORM,
  type ReadModelAccess,
  ReadModelModule,
} from './read-model.module';
export {
  createReadModelOrm,
  type MysqlReadModelOptions,
  type MysqlReadModelOrm,
  type ReadModelOrm,
  type ReadModelOrmOptions,
  type SqliteReadModelOptions,
} from './read-model-orm';
export { READ_MODEL_MIGRATIONS } from './migrations';
export { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from './read-model-database';
export { SqliteProcessCheckpoints } from './process-checkpoints';
export {
  ViewReplay,
  type ViewReplayOutcome,
  type ViewReplayReport,
} from '../infrastructure/read-model/view-replay';
export { type RowDifference } from '../infrastructure/read-model/table-comparison';
