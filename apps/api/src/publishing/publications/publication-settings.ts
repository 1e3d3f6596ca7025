import { type RuntimeDependency } from '@ib/domain';

/** Part of every package hash: a new generator gives new packages for the same schema. */
export const GENERATOR_VERSION = '1.1.0';

/** The runtime components every published version needs, with the versions it is built against. */
export const RUNTIME_DEPENDENCIES: readonly RuntimeDependency[] = [
  { name: 'integration-builder-utils', version: '1.0.0' },
  { name: 'integration-manager', version: '1.0.0' },
];

/**
 * A running publication whose last event is older than this when the process starts is taken over
 * (resumed from its next step); a younger one is left to whoever runs it, and checked again then.
 */
export const STALE_AFTER_MS = 30_000;
