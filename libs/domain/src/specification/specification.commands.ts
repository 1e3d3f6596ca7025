import { type Command } from '../shared/command';
import { type Provider } from '../shared/provider';

/** The handler has read, checked and compressed the document; the id is its SHA-256. */
export type StoreSpecification = Command<
  'StoreSpecification',
  { specificationId: string; provider: Provider; document: string; bytes: number }
>;

export type SpecificationCommand = StoreSpecification;
