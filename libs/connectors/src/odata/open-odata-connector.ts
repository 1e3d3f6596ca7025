import { type Connector } from '../spi';
import { createODataConnector } from './odata-connector';
import { type ODataFetch } from './odata-http';
import { resolveODataOptions, type ODataConnectionDetails } from './odata-options';

/**
 * Maps stored connection details (see resolveODataOptions) to an OData connector; `secret` is the
 * connection's password: the basic password, the OAuth client secret or the API key.
 */
export function openODataConnector(
  details: ODataConnectionDetails,
  secret: string | undefined,
  fetcher?: ODataFetch,
): Connector {
  return createODataConnector(resolveODataOptions(details, secret), fetcher);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkODataDetails(details: ODataConnectionDetails): void {
  resolveODataOptions(details, undefined);
}
