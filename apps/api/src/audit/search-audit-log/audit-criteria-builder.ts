import { Inject, Injectable } from '@nestjs/common';
import { USER_EVENT_TYPES, type UserEvent, userStreamId } from '@ib/domain';
import { type AuthenticatedUser, ActorNames, authorize, environmentsAllowing } from '../../identity';
import { type AuditCriteria } from '../../infrastructure/event-store/audit-query/audit-query.port';
import { streamCategoryOf } from '../../infrastructure/event-store/audit-query/stream-category';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { UserGrantHistory } from '../user-grants/user-grant-history';
import { categoriesOfAggregate, streamsOfAggregate } from './audit-aggregates';
import { type AuditFilter } from './audit-filter';

const USER_STREAM_CATEGORY = streamCategoryOf(userStreamId('someone'));

/**
 * Whether user events can meet the filter: when not, the users' streams are left out of the scope
 * rather than searched for events of other types or streams that they never hold.
 */
const mayMatchUserEvents = (filter: AuditFilter): boolean =>
  (filter.types === undefined ||
    filter.types.some((type) => (USER_EVENT_TYPES as readonly string[]).includes(type))) &&
  (filter.aggregate === undefined || filter.aggregate === 'user') &&
  (filter.stream === undefined || streamCategoryOf(filter.stream) === USER_STREAM_CATEGORY);

/**
 * A filter as the events a caller may read that meet it.
 *
 * Who reads what (`audit.read`): an owner reads every event; an administrator or auditor reads the
 * events of the environments where they hold that role. An event belongs to the environment of its
 * `metadata.environment`, which every command on something of an environment records (integrations,
 * connections and requests, publications, deployments, API keys, dependency updates, republish runs,
 * and an environment's own creation). User events record none: a user spans environments. So a
 * user's stream (registration, role changes, logouts) also belongs to every environment the user
 * ever held a role in (UserGrantHistory): an auditor sees who was given a role in their environment
 * and who lost it, and with it the rest of that user's stream (roles elsewhere included, as an
 * administrator there sees them on the user). Events of no environment and no such user, if any,
 * are read by owners only. `environment=X` narrows to that environment by the same rule.
 */
@Injectable()
export class AuditCriteriaBuilder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly grants: UserGrantHistory,
    private readonly names: ActorNames,
  ) {}

  /** Throws AUTH.AUDITOR_REQUIRED (403) when the caller may read no audit log, or not the one of `environment`. */
  async criteriaFor(user: AuthenticatedUser, filter: AuditFilter): Promise<AuditCriteria> {
    const environments = this.readableEnvironments(user, filter.environment);
    const streamIds = await this.streamIds(filter);
    const actorIds = filter.actor === undefined ? undefined : await this.actorIds(filter.actor);
    const categories =
      filter.aggregate !== undefined && filter.id === undefined
        ? categoriesOfAggregate(filter.aggregate)
        : undefined;
    const criteria: AuditCriteria = {
      types: filter.types,
      streamIds,
      categories,
      actorIds,
      correlationId: filter.correlationId,
      scope:
        environments === undefined
          ? undefined
          : {
              environments,
              streamIds: mayMatchUserEvents(filter) ? await this.grants.userStreamsIn(environments) : [],
            },
      from: filter.from,
      to: filter.to,
    };
    return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
  }

  /** The environments the answer is limited to; undefined: every event (an owner, no filter). */
  private readableEnvironments(
    user: AuthenticatedUser,
    environment: string | undefined,
  ): string[] | undefined {
    if (environment !== undefined) {
      authorize(user, 'audit.read', environment);
      return [environment];
    }
    if (user.owner) return undefined;
    const readable = environmentsAllowing(user, 'audit.read');
    if (readable.length === 0) authorize(user, 'audit.read', user.environment);
    return readable;
  }

  /** `stream` and `aggregate` + `id` together: the streams both name. */
  private async streamIds(filter: AuditFilter): Promise<string[] | undefined> {
    const ofAggregate =
      filter.aggregate === undefined || filter.id === undefined
        ? undefined
        : streamsOfAggregate(
            filter.aggregate,
            filter.aggregate === 'user' ? await this.usernameOf(filter.id) : filter.id,
          );
    if (filter.stream === undefined) return ofAggregate;
    if (ofAggregate === undefined) return [filter.stream];
    return ofAggregate.filter((streamId) => streamId === filter.stream);
  }

  /** A user's stream is keyed by username: a user id is turned into theirs, anything else is one. */
  private async usernameOf(userIdOrName: string): Promise<string> {
    return (await this.names.of([userIdOrName])).get(userIdOrName) ?? userIdOrName;
  }

  /**
   * `actor` is an actor id as events record it (a user id, `system`) or a username: the user
   * registered under that name (read from their stream, the log's own answer) counts too.
   */
  private async actorIds(actor: string): Promise<string[]> {
    const { events } = await this.store.readStream<UserEvent>(userStreamId(actor));
    const registered = events.find((event) => event.type === 'UserRegistered');
    const userId = registered?.type === 'UserRegistered' ? registered.data.userId : undefined;
    return userId === undefined || userId === actor ? [actor] : [actor, userId];
  }
}
