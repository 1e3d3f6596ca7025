import { Inject, Injectable } from '@nestjs/common';
import {
  type ChangeRejected,
  type ChangeRequested,
  changeRequestStreamId,
  type ConnectionRequestApproved,
  type ConnectionRequestCancelled,
  type ConnectionRequested,
  type ConnectionRequestRejected,
  connectionRequestStreamId,
  type IntegrationPublishFailed,
  type IntegrationPublishRequested,
  NotFoundError,
  publicationStreamId,
  type RecordedEvent,
  type RepublishRequired,
  type SchemaDriftDetected,
  type SchemaDriftResolved,
} from '@ib/domain';
import { ActorNames } from '../../identity';
import { IntegrationViews } from '../../integrations';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProjectionRunner } from '../../infrastructure/read-model/projection-runner';
import { NotificationPush } from '../live/notification-push';
import { NOTIFYING_EVENT_TYPES } from '../notification';
import { NOTIFICATION_STORE, type NotificationStore } from '../notification-store.port';
import { RECIPIENT_DIRECTORY, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { type EventFacts, type NotificationDraft, notificationsFor } from './notification-rules';

/** Its name in GET /api/projections and the key of its checkpoint. */
export const NOTIFIER = 'notifications';

/** How long a batch waits for the views to reach it before it is handed over again later. */
const VIEWS_WAIT_MS = 10_000;

/**
 * Tells people what needs them: for each event it handles, writes one notification per recipient
 * (see notificationsFor) before its handler resolves, under ids derived from (event, recipient), so a
 * batch handed over again writes nothing twice. Recipients come from the users view, read once the
 * views have passed the batch; what the event leaves out (who asked for a request or a publication)
 * comes from the event's own stream. A new installation starts at the head: history is never notified.
 */
@Injectable()
export class Notifier implements ProcessManager {
  readonly name = NOTIFIER;
  readonly handles = NOTIFYING_EVENT_TYPES;
  readonly firstStart = 'head';

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(RECIPIENT_DIRECTORY) private readonly directory: RecipientDirectory,
    private readonly names: ActorNames,
    private readonly integrations: IntegrationViews,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    private readonly push: NotificationPush,
  ) {}

  /** Nothing is in flight between batches: each batch's notifications are written before it resolves. */
  resumeInFlight(): void {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events.at(-1)?.globalPosition;
    if (last === undefined) return;
    if (!(await this.projections.waitFor(last, VIEWS_WAIT_MS)))
      throw new Error(`The views have not reached position ${last} yet: notifications wait for them`);
    const drafts: NotificationDraft[] = [];
    for (const event of events) drafts.push(...notificationsFor(event, await this.factsOf(event)));
    await this.notifications.record(drafts);
    if (drafts.length > 0) this.push.wake();
  }

  private async factsOf(event: RecordedEvent): Promise<EventFacts> {
    switch (event.type) {
      case 'ConnectionRequested': {
        const { environment, requestedBy } = event.data as ConnectionRequested['data'];
        return { names: await this.names.of([requestedBy]), admins: await this.adminIdsOf(environment) };
      }
      case 'ConnectionRequestApproved':
      case 'ConnectionRequestRejected':
      case 'ConnectionRequestCancelled': {
        const data = event.data as
          | ConnectionRequestApproved['data']
          | ConnectionRequestRejected['data']
          | ConnectionRequestCancelled['data'];
        const actor =
          'approvedBy' in data ? data.approvedBy : 'rejectedBy' in data ? data.rejectedBy : data.cancelledBy;
        const request = await this.requestOf(data.requestId);
        const names = await this.names.of(request === undefined ? [actor] : [actor, request.requestedBy]);
        return request === undefined ? { names } : { names, request };
      }
      case 'ChangeRequested': {
        const { environment, requestedBy } = event.data as ChangeRequested['data'];
        return { names: await this.names.of([requestedBy]), admins: await this.adminIdsOf(environment) };
      }
      case 'ChangeApplied':
      case 'ChangeFailed':
      case 'ChangeRejected': {
        const { changeRequestId } = event.data as { changeRequestId: string };
        const { change, approvedBy } = await this.changeOf(changeRequestId);
        const rejectedBy =
          event.type === 'ChangeRejected' ? (event.data as ChangeRejected['data']).rejectedBy : undefined;
        const names = await this.names.of(
          [approvedBy, rejectedBy].filter((id): id is string => id !== undefined),
        );
        return {
          names,
          ...(change === undefined ? {} : { change }),
          ...(approvedBy === undefined ? {} : { approvedBy }),
        };
      }
      case 'IntegrationPublishFailed': {
        const { publicationId, integrationId } = event.data as IntegrationPublishFailed['data'];
        const [publication, integration] = await Promise.all([
          this.publicationOf(publicationId),
          this.integrationOf(integrationId),
        ]);
        return {
          names: new Map(),
          ...(publication === undefined ? {} : { publication }),
          ...(integration === undefined ? {} : { integration }),
        };
      }
      case 'RepublishRequired': {
        const { integrationId, environment } = event.data as RepublishRequired['data'];
        const integration = await this.integrationOf(integrationId);
        // Required everywhere (recorded before requirements were per environment): told where it lives.
        const where = environment ?? integration?.environment;
        return {
          names: new Map(),
          admins: where === undefined ? [] : await this.adminIdsOf(where),
          ...(integration === undefined ? {} : { integration }),
        };
      }
      case 'SchemaDriftDetected':
      case 'SchemaDriftResolved': {
        const { integrationId, environment } = event.data as
          SchemaDriftDetected['data'] | SchemaDriftResolved['data'];
        const integration = await this.integrationOf(integrationId);
        return {
          names: new Map(),
          admins: await this.adminIdsOf(environment),
          ...(integration === undefined ? {} : { integration }),
        };
      }
      default:
        return { names: new Map() };
    }
  }

  private async adminIdsOf(environment: string): Promise<string[]> {
    return (await this.directory.adminsOf(environment)).map(({ id }) => id);
  }

  private async requestOf(requestId: string): Promise<ConnectionRequested['data'] | undefined> {
    const { events } = await this.store.readStream(connectionRequestStreamId(requestId));
    return events.find((event) => event.type === 'ConnectionRequested')?.data as
      ConnectionRequested['data'] | undefined;
  }

  private async changeOf(changeRequestId: string) {
    const { events } = await this.store.readStream(changeRequestStreamId(changeRequestId));
    const change = events.find((event) => event.type === 'ChangeRequested')?.data as
      ChangeRequested['data'] | undefined;
    const approval = events.find((event) => event.type === 'ChangeApproved')?.data as
      { approvedBy: string } | undefined;
    return { change, approvedBy: approval?.approvedBy };
  }

  private async publicationOf(
    publicationId: string,
  ): Promise<IntegrationPublishRequested['data'] | undefined> {
    const { events } = await this.store.readStream(publicationStreamId(publicationId));
    return events.find((event) => event.type === 'IntegrationPublishRequested')?.data as
      IntegrationPublishRequested['data'] | undefined;
  }

  private async integrationOf(integrationId: string) {
    try {
      const { applicationName, environment } = await this.integrations.get(integrationId);
      return { name: applicationName, environment };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
