import {
  type ChangeFailed,
  type ChangeRejected,
  type ChangeRequested,
  type ConnectionRequestApproved,
  type ConnectionRequestCancelled,
  type ConnectionRequested,
  type ConnectionRequestRejected,
  type IntegrationPublishFailed,
  type IntegrationPublishRequested,
  type NotificationKind,
  type RecordedEvent,
  type RepublishRequired,
  type SchemaDriftDetected,
  type SchemaDriftResolved,
} from '@ib/domain';
import { type Notification } from '../notification';
import { notificationIdOf } from '../notification-id';

/**
 * What the log and the views say around an event, gathered by the notifier before the rules run (the
 * rules themselves read nothing).
 */
export type EventFacts = Readonly<{
  /** Usernames by user id: the actor's and the requester's. */
  names: ReadonlyMap<string, string>;
  /** The ids of the administrators of the environment concerned (a request, a republish). */
  admins?: readonly string[];
  /** The connection request as it was asked: its decisions name only its id. */
  request?: ConnectionRequested['data'];
  /** The publication as it was asked: its failure names only its id. */
  publication?: IntegrationPublishRequested['data'];
  /** The change request as it was asked: its outcome names only its id. */
  change?: ChangeRequested['data'];
  /** Who approved the change request (its outcome does not say). */
  approvedBy?: string;
  /** The integration concerned (publication failed, republish required). */
  integration?: Readonly<{ name: string; environment: string }>;
}>;

/** A notification as the rules draw it, for one recipient; `readAt` comes later, from them. */
export type NotificationDraft = Omit<Notification, 'readAt'>;

type Told = Readonly<{
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  environment?: string;
}>;

const requestLink = (requestId: string) => `/connection-requests/show/${requestId}`;
const integrationLink = (integrationId: string) => `/integrations/show/${integrationId}`;
const changeLink = (changeRequestId: string) => `/change-requests/show/${changeRequestId}`;

const nameOf = (facts: EventFacts, userId: string) => facts.names.get(userId) ?? userId;

const draftsOf = (event: RecordedEvent, recipients: readonly string[], told: Told): NotificationDraft[] =>
  [...new Set(recipients)].map((userId) => ({
    id: notificationIdOf(event.eventId, userId, event.recordedAt),
    userId,
    kind: told.kind,
    title: told.title,
    body: told.body,
    link: told.link,
    eventId: event.eventId,
    position: event.globalPosition,
    ...(told.environment === undefined ? {} : { environment: told.environment }),
    createdAt: event.recordedAt,
  }));

/**
 * Who is told what about an event:
 * - a connection requested: every administrator of its environment, but the requester;
 * - a request approved, rejected (with the reason) or cancelled: its requester, unless they did it;
 * - a publication failed (with the failing step and reason): whoever asked to publish;
 * - an integration that must be republished: the administrators of the environment concerned;
 * - breaking schema drift found in an environment, and its resolution: the administrators there.
 * - a four-eyes change requested: every administrator of its environment but the requester; its
 *   outcome (applied, failed, rejected with the reason): its requester.
 * Only names, kinds and ids are copied: never the connection's details or secret reference.
 */
export function notificationsFor(event: RecordedEvent, facts: EventFacts): NotificationDraft[] {
  switch (event.type) {
    case 'ConnectionRequested': {
      const { requestId, environment, name, provider, note, requestedBy } =
        event.data as ConnectionRequested['data'];
      const admins = (facts.admins ?? []).filter((id) => id !== requestedBy);
      return draftsOf(event, admins, {
        kind: 'connection-requested',
        title: `Connection requested: ${name}`,
        body:
          `${nameOf(facts, requestedBy)} requested the ${provider} connection "${name}" in ${environment}.` +
          (note ? `\nNote: ${note}` : ''),
        link: requestLink(requestId),
        environment,
      });
    }
    case 'ConnectionRequestApproved': {
      const { requestId, approvedBy } = event.data as ConnectionRequestApproved['data'];
      return toRequester(event, facts, requestId, approvedBy, (request) => ({
        kind: 'request-approved',
        title: `Connection request approved: ${request.name}`,
        body:
          `${nameOf(facts, approvedBy)} approved your request for the connection "${request.name}" ` +
          `in ${request.environment}: the connection is in your list.`,
      }));
    }
    case 'ConnectionRequestRejected': {
      const { requestId, rejectedBy, reason } = event.data as ConnectionRequestRejected['data'];
      return toRequester(event, facts, requestId, rejectedBy, (request) => ({
        kind: 'request-rejected',
        title: `Connection request rejected: ${request.name}`,
        body:
          `${nameOf(facts, rejectedBy)} rejected your request for the connection "${request.name}" ` +
          `in ${request.environment}.\nReason: ${reason}`,
      }));
    }
    case 'ConnectionRequestCancelled': {
      const { requestId, cancelledBy } = event.data as ConnectionRequestCancelled['data'];
      return toRequester(event, facts, requestId, cancelledBy, (request) => ({
        kind: 'request-cancelled',
        title: `Connection request cancelled: ${request.name}`,
        body:
          `${nameOf(facts, cancelledBy)} cancelled your request for the connection "${request.name}" ` +
          `in ${request.environment}.`,
      }));
    }
    case 'IntegrationPublishFailed': {
      const { integrationId, version, failedStep, reason } = event.data as IntegrationPublishFailed['data'];
      const { publication } = facts;
      if (publication === undefined) return [];
      const name = facts.integration?.name ?? integrationId;
      return draftsOf(event, [publication.requestedBy], {
        kind: 'publication-failed',
        title: `Publication failed: ${name} version ${version}`,
        body:
          `Publishing version ${version} of ${name} to ${publication.environment} failed ` +
          `at step ${failedStep}.\nReason: ${reason}`,
        link: integrationLink(integrationId),
        environment: publication.environment,
      });
    }
    case 'RepublishRequired': {
      const { integrationId, dependency, reason, environment } = event.data as RepublishRequired['data'];
      const where = environment ?? facts.integration?.environment;
      const name = facts.integration?.name ?? integrationId;
      return draftsOf(event, facts.admins ?? [], {
        kind: 'republish-required',
        title: `Republish required: ${name}`,
        body:
          `${name} must be republished${where === undefined ? '' : ` in ${where}`} ` +
          `after a breaking update of ${dependency}.\nReason: ${reason}`,
        link: integrationLink(integrationId),
        ...(where === undefined ? {} : { environment: where }),
      });
    }
    case 'SchemaDriftDetected':
    case 'SchemaDriftResolved':
      return schemaDriftNotifications(event, facts);
    case 'ChangeRequested': {
      const { changeRequestId, environment, summary, requestedBy } = event.data as ChangeRequested['data'];
      return draftsOf(
        event,
        (facts.admins ?? []).filter((id) => id !== requestedBy),
        {
          kind: 'change-requested',
          title: `Approval needed: ${summary}`,
          body:
            `${nameOf(facts, requestedBy)} asks for a change in ${environment}: ${summary}.\n` +
            'Another administrator approves or rejects it.',
          link: changeLink(changeRequestId),
          environment,
        },
      );
    }
    case 'ChangeApplied':
    case 'ChangeFailed':
    case 'ChangeRejected': {
      const { change } = facts;
      if (change === undefined) return [];
      const data = event.data as ChangeFailed['data'] | ChangeRejected['data'];
      const told = changeOutcome(event.type, data, change, facts);
      return draftsOf(event, [change.requestedBy], {
        ...told,
        link: changeLink(change.changeRequestId),
        environment: change.environment,
      });
    }
    default:
      return [];
  }
}

function schemaDriftNotifications(event: RecordedEvent, facts: EventFacts): NotificationDraft[] {
  const data = event.data as SchemaDriftDetected['data'] | SchemaDriftResolved['data'];
  const { integrationId, environment, version } = data;
  const name = facts.integration?.name ?? integrationId;
  const told = { kind: 'schema-drift' as const, link: integrationLink(integrationId), environment };
  if ('differences' in data) {
    const breaking = data.differences.filter((difference) => difference.breaking);
    if (breaking.length === 0) return [];
    return draftsOf(event, facts.admins ?? [], {
      ...told,
      title: `Breaking schema drift: ${name} in ${environment}`,
      body:
        `The database serving version ${version} of ${name} in ${environment} no longer matches it; ` +
        `its data API answers 409 on the entities concerned.\n${breaking.map(({ message }) => `- ${message}`).join('\n')}`,
    });
  }
  if (!data.wasBreaking) return [];
  return draftsOf(event, facts.admins ?? [], {
    ...told,
    title: `Schema drift resolved: ${name} in ${environment}`,
    body: `The database serving version ${version} of ${name} in ${environment} matches it again.`,
  });
}

function changeOutcome(
  type: 'ChangeApplied' | 'ChangeFailed' | 'ChangeRejected',
  data: ChangeFailed['data'] | ChangeRejected['data'],
  change: ChangeRequested['data'],
  facts: EventFacts,
): Omit<Told, 'link' | 'environment'> {
  const approver = facts.approvedBy === undefined ? 'Another administrator' : nameOf(facts, facts.approvedBy);
  switch (type) {
    case 'ChangeApplied':
      return {
        kind: 'change-decided',
        title: `Change applied: ${change.summary}`,
        body: `${approver} approved your change in ${change.environment}, and it was applied: ${change.summary}.`,
      };
    case 'ChangeFailed': {
      const { code, message } = data as ChangeFailed['data'];
      return {
        kind: 'change-decided',
        title: `Change failed: ${change.summary}`,
        body:
          `${approver} approved your change in ${change.environment}, but it was refused when it ran: ` +
          `${change.summary}.\nReason: ${message} (${code})`,
      };
    }
    case 'ChangeRejected': {
      const { rejectedBy, reason } = data as ChangeRejected['data'];
      return {
        kind: 'change-rejected',
        title: `Change rejected: ${change.summary}`,
        body:
          `${nameOf(facts, rejectedBy)} rejected your change in ${change.environment}: ${change.summary}.` +
          `\nReason: ${reason}`,
      };
    }
  }
}

/** A decision on a request, told to its requester unless they made it themselves. */
function toRequester(
  event: RecordedEvent,
  facts: EventFacts,
  requestId: string,
  actorId: string,
  tell: (request: ConnectionRequested['data']) => Omit<Told, 'link' | 'environment'>,
): NotificationDraft[] {
  const { request } = facts;
  if (request === undefined || request.requestedBy === actorId) return [];
  return draftsOf(event, [request.requestedBy], {
    ...tell(request),
    link: requestLink(requestId),
    environment: request.environment,
  });
}
