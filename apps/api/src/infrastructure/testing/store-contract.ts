import { randomUUID } from 'node:crypto';

type Closable = { close(): Promise<void> };

/**
 * How a contract suite gets stores of one implementation. Every store `open` returns in one test
 * shares one storage (file or database), as two API instances share theirs; tests use fresh ids, so
 * storage may be shared across tests too.
 */
export type ContractStores<S extends Closable, O = void> = Readonly<{
  open: (options: O) => S;
  /** Before each test, e.g. a fresh folder. */
  setUp?: () => Promise<void> | void;
  /** After each test, once its stores are closed. */
  tearDown?: () => Promise<void> | void;
}>;

/** Registers the hooks and returns `open`, whose stores are closed after each test. */
export function useContractStores<S extends Closable, O>(stores: ContractStores<S, O>): (options: O) => S {
  const opened: S[] = [];
  beforeEach(async () => {
    await stores.setUp?.();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await stores.tearDown?.();
  });
  return (options: O) => {
    const store = stores.open(options);
    opened.push(store);
    return store;
  };
}

/** An id no other test uses, so a contract may run on a database shared by every test of a file. */
export const freshId = (prefix: string): string => `${prefix}-${randomUUID()}`;
