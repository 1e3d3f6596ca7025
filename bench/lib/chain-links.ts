import {
  type ChainedFields,
  chainLink,
  digestOf,
  GENESIS_HASH,
  GENESIS_POSITION,
} from '../../apps/api/src/infrastructure/audit-chain/chain-link';

export type ChainLink = readonly [position: number, previousPosition: number, hash: string];

/**
 * Links rows written straight into a log (positions 1, 2, 3...) as the store would have: the benches
 * that fill a log without append() keep it a valid chain, so verifying or reopening it finds no mismatch.
 */
export function chainLinker(): { next: (fields: ChainedFields) => ChainLink; last: () => ChainLink } {
  let previous: ChainLink = [GENESIS_POSITION, GENESIS_POSITION, GENESIS_HASH];
  return {
    next: (fields) => {
      const position = previous[0] + 1;
      previous = [position, previous[0], chainLink(previous[2], previous[0], position, digestOf(fields))];
      return previous;
    },
    last: () => previous,
  };
}
