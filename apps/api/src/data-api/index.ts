export { DataApiModule } from './data-api.module';
export { registerDataListFastPath } from './data-list-fast-path';
