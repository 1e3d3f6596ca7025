/**
 * Which of the console's resources a change of a stream touches. Stream ids read `<category>-<id>`
 * (see libs/domain/src/<aggregate>/<aggregate>.stream.ts); some categories begin with another one
 * (`integration-deployments-` and `integration-`), so the longest prefix is tried first.
 */
const BY_PREFIX: readonly (readonly [prefix: string, resources: readonly string[]])[] = [
  ['integration-deployments-', ['integrations']],
  ['integration-publications-', ['integrations']],
  ['integration-', ['integrations']],
  ['publication-', ['integrations']],
  // A decided request leaves the inbox; a new one enters it.
  ['connection-request-', ['connection-requests', 'approvals']],
  ['connection-', ['connections']],
  // A four-eyes change decided leaves the inbox; a new one enters it.
  ['change-request-', ['change-requests', 'approvals']],
  ['environment-', ['environments']],
  ['user-', ['users']],
  ['api-key-', ['api-keys']],
  // An installed update may mark integrations as needing republish; a run republishes them.
  ['dependency-', ['dependencies', 'integrations']],
  ['republish-', ['dependencies', 'integrations']],
];

/** Every stored event moves the projections' positions, which the Operations page shows. */
const EVERY_CHANGE = ['projections'];

export function resourcesOfStream(streamId: string): string[] {
  const match = BY_PREFIX.find(([prefix]) => streamId.startsWith(prefix));
  return [...(match?.[1] ?? []), ...EVERY_CHANGE];
}

/** The channel Refine's data hooks subscribe to for a resource (useList, useOne, useTable, ...). */
export const channelOf = (resource: string): string => `resources/${resource}`;

/** The notifications of the user: the bell's list, told of each new one as it arrives. */
export const NOTIFICATIONS_CHANNEL = channelOf('notifications');
