import {
  type ChainedFields,
  ChainExtension,
  digestOf,
} from '../../apps/api/src/infrastructure/audit-chain/chain-link';

export type ChainLink = readonly [position: number, previousPosition: number, hash: string];

/**
 * Links rows written straight into a log (positions 1, 2, 3...) as the store would have: the benches
 * that fill a log without append() keep it a valid chain, so verifying or reopening it finds no mismatch.
 */
export function chainLinker(): { next: (fields: ChainedFields) => ChainLink; last: () => ChainLink } {
  const chain = new ChainExtension();
  let last: ChainLink = [chain.head.position, chain.head.position, chain.head.hash];
  return {
    next: (fields) => {
      const link = chain.next(chain.head.position + 1, digestOf(fields));
      last = [link.position, link.previousPosition, link.hash];
      return last;
    },
    last: () => last,
  };
}
