import { type MigrationObject } from '@mikro-orm/core';
import { CreateReadModel0001 } from './0001-create-read-model.migration';

/** Every read-model migration in order; listed explicitly so bundles and ts-jest need no file discovery. */
export const READ_MODEL_MIGRATIONS: MigrationObject[] = [
  { name: '0001-create-read-model', class: CreateReadModel0001 },
];
