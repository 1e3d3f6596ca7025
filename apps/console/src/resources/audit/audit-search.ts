import type { CrudFilter } from '@refinedev/core';
import type { AuditAggregate, AuditQuery } from '../../types';

/**
 * The audit filters, named as the API's query parameters (GET /audit and /audit/export take the same
 * ones) and kept in the page's address under those names: a filtered view of the log can be linked to.
 */
export const AUDIT_FILTERS = [
  'actor',
  'type',
  'aggregate',
  'id',
  'environment',
  'correlationId',
  'from',
  'to',
] as const;

export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditSearch = Partial<Record<AuditFilterName, string>>;

// Every filter is one the API takes.
AUDIT_FILTERS satisfies readonly (keyof AuditQuery)[];

/** The kinds of object the log can be narrowed to (`aggregate`), with `id` the one object. */
export const AUDIT_AGGREGATES = [
  'integration',
  'connection',
  'connection-request',
  'environment',
  'user',
  'api-key',
  'deployment',
  'publication',
  'dependency',
] as const satisfies readonly AuditAggregate[];

export const auditSearchOf = (params: URLSearchParams): AuditSearch => {
  const search: AuditSearch = {};
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) search[name] = value;
  }
  return search;
};

/** Only the filters set: `?actor=alma&type=A,B`. */
export const searchParamsOf = (search: AuditSearch): URLSearchParams =>
  new URLSearchParams(Object.entries(search).filter(([, value]) => value !== undefined && value !== ''));

/** As Refine's filters for the data provider, which turns each into `name=value`. */
export const crudFiltersOf = (search: AuditSearch): CrudFilter[] =>
  Object.entries(search).map(([field, value]) => ({ field, operator: 'eq', value }));

/** The audit search of one object, for a link from its page. */
export const auditLinkOf = (aggregate: AuditAggregate, id: string): string =>
  `/audit?${searchParamsOf({ aggregate, id }).toString()}`;
