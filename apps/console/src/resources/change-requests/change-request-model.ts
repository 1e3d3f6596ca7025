import type { ChangeKind, ChangeRequest, ChangeRequestStatus } from '../../types';

/** Each kind of change, in the words of the screen. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  promote: 'Promotion',
  bind: 'Connection binding',
  unbind: 'Connection unbinding',
  'create-connection': 'New connection',
  'edit-connection': 'Connection change',
  'rotate-password': 'Password rotation',
  'delete-connection': 'Connection deletion',
  'environment-policy': 'Four-eyes policy',
};

export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestStatus[] = [
  'pending',
  'approved',
  'applied',
  'failed',
  'rejected',
  'cancelled',
];

/** One step of a change request's life: who did what and when; `outcome` says how it went. */
export type ChangeRequestStep = Readonly<{
  title: string;
  by?: string;
  at?: string;
  outcome: 'done' | 'waiting' | 'refused';
  detail?: string;
}>;

const DECISION_TITLES: Partial<Record<ChangeRequestStatus, string>> = {
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/**
 * The steps of a change request so far: asked for; then approved (and applied or failed when it ran),
 * rejected with a reason, or cancelled by its requester; a pending one waits for another administrator.
 */
export const changeRequestSteps = (request: ChangeRequest): ChangeRequestStep[] => {
  const requested: ChangeRequestStep = {
    title: 'Requested',
    by: request.requestedBy,
    at: request.requestedAt,
    outcome: 'done',
  };
  const decided = { by: request.decidedBy, at: request.decidedAt };
  switch (request.status) {
    case 'pending':
      return [requested, { title: 'Waiting for another administrator', outcome: 'waiting' }];
    case 'rejected':
    case 'cancelled':
      return [
        requested,
        {
          title: DECISION_TITLES[request.status] ?? request.status,
          ...decided,
          outcome: 'refused',
          ...(request.reason === undefined ? {} : { detail: request.reason }),
        },
      ];
    case 'approved':
      return [
        requested,
        { title: 'Approved', ...decided, outcome: 'done' },
        { title: 'Applying', outcome: 'waiting' },
      ];
    case 'applied':
      return [
        requested,
        { title: 'Approved', ...decided, outcome: 'done' },
        { title: 'Applied', at: request.completedAt, outcome: 'done' },
      ];
    case 'failed':
      return [
        requested,
        { title: 'Approved', ...decided, outcome: 'done' },
        {
          title: 'Failed',
          at: request.completedAt,
          outcome: 'refused',
          detail: [request.failureCode, request.failureMessage].filter(Boolean).join(': '),
        },
      ];
  }
};

/** What a change names, read from its body as the API keeps it (`body` is the call's own). */
export type ChangeFacts = Readonly<{
  integrationId?: string;
  connectionId?: string;
  version?: number;
  force?: boolean;
  reason?: string;
  connection?: Readonly<{ name?: string; provider?: string; details?: unknown }>;
  edit?: Readonly<{ name?: string; details?: unknown }>;
  fourEyes?: boolean;
}>;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

export const changeFacts = (change: ChangeRequest['change']): ChangeFacts => {
  const body = record(change.body);
  const connection = record(change.connection);
  const edit = record(change.edit);
  return {
    integrationId: text(change.integrationId),
    connectionId: text(change.connectionId) ?? text(body.connectionId),
    version: number(body.version),
    force: flag(body.force),
    reason: text(body.reason),
    connection:
      change.connection === undefined
        ? undefined
        : { name: text(connection.name), provider: text(connection.provider), details: connection.details },
    edit: change.edit === undefined ? undefined : { name: text(edit.name), details: edit.details },
    fourEyes: flag(change.fourEyes),
  };
};
