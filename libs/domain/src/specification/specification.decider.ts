import { type Decider } from '../shared/decider';
import { type Provider } from '../shared/provider';
import { type StoreSpecification } from './specification.commands';
import { type SpecificationEvent } from './specification.events';

export type Specification =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'stored';
      specificationId: string;
      provider: Provider;
      document: string;
      bytes: number;
    }>;

/** A document already stored is not stored again: its id is its content. */
const decide = ({ data, metadata }: StoreSpecification, state: Specification): SpecificationEvent[] => {
  if (state.status === 'stored') return [];
  return [
    {
      type: 'ServiceSpecificationUploaded',
      data: {
        specificationId: data.specificationId,
        provider: data.provider,
        encoding: 'gzip-base64',
        document: data.document,
        bytes: data.bytes,
        uploadedBy: metadata.actorId,
        uploadedAt: metadata.now.toISOString(),
      },
    },
  ];
};

/** An event type unknown here (written by a newer version) leaves the state as it was. */
const evolve = (state: Specification, event: SpecificationEvent): Specification => {
  if (event.type !== 'ServiceSpecificationUploaded') return state;
  const { specificationId, provider, document, bytes } = event.data;
  return { status: 'stored', specificationId, provider, document, bytes };
};

export const specificationDecider: Decider<Specification, StoreSpecification, SpecificationEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
