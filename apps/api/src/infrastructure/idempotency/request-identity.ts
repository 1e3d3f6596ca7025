import { type IdSource } from '../ids';

/** How one HTTP request names what it creates, and the idempotent request it is an attempt of, if any. */
export type RequestIdentity = Readonly<{
  ids: IdSource;
  idempotency?: Readonly<{ key: string; requestId: string }>;
}>;

// Kept beside the request object rather than on it: adapters own their request types.
const identities = new WeakMap<object, RequestIdentity>();

export const identifyRequest = (request: object, identity: RequestIdentity): void => {
  identities.set(request, identity);
};

export const identityOf = (request: object): RequestIdentity | undefined => identities.get(request);
