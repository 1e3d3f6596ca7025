export { createODataConnector, createODataSpecificationConnector } from './odata-connector';
export { checkODataDetails, openODataConnector } from './open-odata-connector';
export {
  DEFAULT_API_KEY_HEADER,
  DEFAULT_ODATA_TIMEOUT_MS,
  ODATA_AUTH_KINDS,
  resolveODataOptions,
  type ODataAuth,
  type ODataConnectionDetails,
  type ODataConnectorOptions,
} from './odata-options';
export { type ODataFetch } from './odata-http';
export { readEdmx, EdmxError, type ODataServiceModel, type ODataVersion } from './read-edmx';
