/**
 * How the data API of a published version meets database NULLs (the vendor's "null and default
 * values"): apps built on the product have no NULL, so each integration says what a NULL is to them.
 * - 'overwrite': values are read and written as they are; NULL stays NULL, and a default value an app
 *   writes ('' / 0 / false / the epoch) is stored as that value, overwriting the NULL it replaces.
 * - 'preserve': a NULL is read as its attribute type's default value, and that default written to a
 *   nullable column is stored as NULL again, so the NULLs already in the database survive a round trip.
 * The connectors apply it (libs/connectors, data/null-policy.ts); the domain only records the choice.
 */
export const NULL_POLICIES = ['overwrite', 'preserve'] as const;
export type NullPolicy = (typeof NULL_POLICIES)[number];

/**
 * What an integration that never chose one gets: every manifest published before the choice existed
 * recorded 'preserve', so existing versions keep meaning what their manifest says.
 */
export const DEFAULT_NULL_POLICY: NullPolicy = 'preserve';

export const isNullPolicy = (value: unknown): value is NullPolicy =>
  (NULL_POLICIES as readonly unknown[]).includes(value);
