import { DeciderSpecification } from '../shared/decider-specification';
import { type StoreSpecification } from './specification.commands';
import { specificationDecider } from './specification.decider';
import { type SpecificationEvent } from './specification.events';
import { specificationStreamId } from './specification.stream';

const now = new Date('2025-03-04T05:06:07.000Z');
const store = (document = 'H4sIAAAA'): StoreSpecification => ({
  type: 'StoreSpecification',
  data: { specificationId: 'sha-1', provider: 'odata', document, bytes: 2048 },
  metadata: { actorId: 'alice', now },
});
const stored = (document = 'H4sIAAAA'): SpecificationEvent => ({
  type: 'ServiceSpecificationUploaded',
  data: {
    specificationId: 'sha-1',
    provider: 'odata',
    encoding: 'gzip-base64',
    document,
    bytes: 2048,
    uploadedBy: 'alice',
    uploadedAt: now.toISOString(),
  },
});

const given = DeciderSpecification.for(specificationDecider);

describe('Specification decider', () => {
  it('stores a document uploaded for the first time, with who uploaded it', () =>
    given([]).when(store()).then([stored()]));

  it('stores nothing when the same document (the same id) is uploaded again', () =>
    given([stored()]).when(store()).thenNothingHappens());

  it('names the stream after the document, so one document is one stream', () =>
    expect(specificationStreamId('sha-1')).toBe('specification-sha-1'));
});
