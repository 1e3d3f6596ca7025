export { DataApiModule } from './data-api.module';
export { DATA_ROUTES, DataApiRoutes } from './data-api.http';
export { dataApiPaths } from './data-api.openapi';
export { DataRowListSchema, DataRowSchema } from './data-row.schema';
export { PublishedEntities } from './published-entities';
