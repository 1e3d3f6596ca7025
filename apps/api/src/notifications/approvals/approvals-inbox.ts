import { Injectable } from '@nestjs/common';
import { ConnectionRequestRow, type ConnectionRequestView, listConnectionRequests } from '../../connections';
import { ChangeRequestRow, type ChangeRequestView, listChangeRequests } from '../../governance';
import { ActorNames, type AuthenticatedUser, environmentsAllowing } from '../../identity';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';

export type Approval = Readonly<{
  kind: 'connection-request' | 'change-request';
  id: string;
  environment: string;
  title: string;
  requestedBy: Readonly<{ id: string; username: string }>;
  requestedAt: string;
  link: string;
}>;

/** More than anyone decides at a sitting; the oldest beyond it show once the newer are decided. */
const MAX_APPROVALS = 500;

/**
 * What waits for the caller's decision: the pending connection requests of the environments where the
 * policy lets them decide one (their administrators), and the pending four-eyes change requests of
 * the environments they administer that someone else asked for, newest first.
 */
@Injectable()
export class ApprovalsInbox {
  private readonly requests: ViewStore<ConnectionRequestView>;
  private readonly changes: ViewStore<ChangeRequestView>;

  constructor(
    stores: ViewStores,
    private readonly names: ActorNames,
  ) {
    this.requests = stores.of<ConnectionRequestView>(ConnectionRequestRow);
    this.changes = stores.of<ChangeRequestView>(ChangeRequestRow);
  }

  async of(user: AuthenticatedUser): Promise<Readonly<{ items: Approval[] }>> {
    const { items } = await listConnectionRequests(this.requests, {
      environments: environmentsAllowing(user, 'connection-request.decide'),
      status: 'pending',
      limit: MAX_APPROVALS,
    });
    const changes = (
      await listChangeRequests(this.changes, {
        everyRequestIn: environmentsAllowing(user, 'change-request.decide'),
        status: 'pending',
        limit: MAX_APPROVALS,
      })
    ).items.filter((change) => change.requestedBy !== user.id);
    const names = await this.names.of([
      ...new Set([...items, ...changes].map(({ requestedBy }) => requestedBy)),
    ]);
    const requester = (id: string) => ({ id, username: names.get(id) ?? id });
    const connectionRequests: Approval[] = items.map((request) => ({
      kind: 'connection-request',
      id: request.id,
      environment: request.environment,
      title: request.name,
      requestedBy: {
        id: request.requestedBy,
        username: names.get(request.requestedBy) ?? request.requestedBy,
      },
      requestedAt: request.requestedAt,
      link: `/connection-requests/show/${request.id}`,
    }));
    const changeRequests: Approval[] = changes.map((change) => ({
      kind: 'change-request',
      id: change.id,
      environment: change.environment,
      title: change.summary,
      requestedBy: requester(change.requestedBy),
      requestedAt: change.requestedAt,
      link: `/change-requests/show/${change.id}`,
    }));
    return {
      items: [...connectionRequests, ...changeRequests]
        .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
        .slice(0, MAX_APPROVALS),
    };
  }
}
