import type { AuditEvent } from '../../types';

export type ObjectLink = { label: string; to: string };

const show = (resource: string, what: string, id: unknown): ObjectLink | undefined =>
  typeof id === 'string' && id !== ''
    ? { label: `Open the ${what}`, to: `/${resource}/show/${encodeURIComponent(id)}` }
    : undefined;

const integration = (id: unknown) => show('integrations', 'integration', id);

/** Stream id prefixes (libs/domain's *.stream.ts), longest first: `connection-request-` is no connection. */
const PAGES: readonly [
  prefix: string,
  page: (id: string, data: AuditEvent['data']) => ObjectLink | undefined,
][] = [
  ['integration-deployments-', integration],
  ['integration-publications-', integration],
  ['integration-', integration],
  ['connection-request-', (id) => show('connection-requests', 'connection request', id)],
  ['connection-', (id) => show('connections', 'connection', id)],
  ['environment-', (name) => show('environments', 'environment', name)],
  // A user's stream is named by the username; their page by their id, which every user event carries.
  ['user-', (_, data) => show('users', 'user', data.userId)],
  // A publication's own stream: its integration's page shows it.
  ['publication-', (_, data) => integration(data.integrationId)],
];

/** The console page of the object an event is about, when it has one. */
export const objectLinkOf = ({ streamId, data }: AuditEvent): ObjectLink | undefined => {
  const match = PAGES.find(([prefix]) => streamId.startsWith(prefix));
  return match && match[1](streamId.slice(match[0].length), data);
};
