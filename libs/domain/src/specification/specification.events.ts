import { type Event } from '../shared/event';
import { type Provider } from '../shared/provider';

/**
 * A service specification (an OData `$metadata` EDMX document) as uploaded, stored once under its
 * SHA-256: integrations built from it name it, and their entities are described from it again whenever
 * tables are added. The document is kept gzip-compressed, base64-encoded: specifications of large
 * services (Dataverse) run to megabytes of XML that compress tenfold.
 */
export type ServiceSpecificationUploaded = Event<
  'ServiceSpecificationUploaded',
  {
    specificationId: string;
    provider: Provider;
    encoding: 'gzip-base64';
    document: string;
    /** The document's size in bytes, before compression. */
    bytes: number;
    uploadedBy: string;
    uploadedAt: string;
  }
>;

export type SpecificationEvent = ServiceSpecificationUploaded;

export const SPECIFICATION_EVENT_TYPES: readonly SpecificationEvent['type'][] = [
  'ServiceSpecificationUploaded',
];
