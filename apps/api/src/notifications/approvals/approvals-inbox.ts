import { Injectable } from '@nestjs/common';
import { ConnectionRequestRow, type ConnectionRequestView, listConnectionRequests } from '../../connections';
import { ActorNames, type AuthenticatedUser, environmentsAllowing } from '../../identity';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';

export type Approval = Readonly<{
  kind: 'connection-request';
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
 * policy lets them decide one (their administrators), newest first. Second approvals join it when an
 * environment's policy asks for four eyes.
 */
@Injectable()
export class ApprovalsInbox {
  private readonly requests: ViewStore<ConnectionRequestView>;

  constructor(
    stores: ViewStores,
    private readonly names: ActorNames,
  ) {
    this.requests = stores.of<ConnectionRequestView>(ConnectionRequestRow);
  }

  async of(user: AuthenticatedUser): Promise<Readonly<{ items: Approval[] }>> {
    const { items } = await listConnectionRequests(this.requests, {
      environments: environmentsAllowing(user, 'connection-request.decide'),
      status: 'pending',
      limit: MAX_APPROVALS,
    });
    const names = await this.names.of([...new Set(items.map(({ requestedBy }) => requestedBy))]);
    return {
      items: items.map((request) => ({
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
      })),
    };
  }
}
