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
