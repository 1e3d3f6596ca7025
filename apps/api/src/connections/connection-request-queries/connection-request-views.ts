import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser, allows, environmentsAllowing } from '../../identity';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ReadModel } from '../../read-model';

export type ConnectionRequestView = NonNullable<Awaited<ReturnType<ReadModel['getConnectionRequest']>>>;

export type ConnectionRequestListFilter = Readonly<{
  environment?: string;
  status?: ConnectionRequestView['status'];
  offset: number;
  limit: number;
}>;

/** Administrators see every request of their environments; others see their own. */
@Injectable()
export class ConnectionRequestViews {
  constructor(
    private readonly readModel: ReadModel,
    private readonly consistency: ReadYourWrites,
  ) {}

  private visible(view: ConnectionRequestView, user: AuthenticatedUser) {
    return (
      allows(user, 'connection-request.read-all', view.environment) ||
      (view.requestedBy === user.id && allows(user, 'connection-request.create', view.environment))
    );
  }

  async get(id: string, user?: AuthenticatedUser): Promise<ConnectionRequestView> {
    const view = await this.readModel.getConnectionRequest(id);
    if (!view || (user && !this.visible(view, user)))
      throw new NotFoundError('CONNECTION_REQUEST.NOT_FOUND', `Connection request ${id} does not exist`);
    return view;
  }

  /** The request once the read model has caught up with the write; the ETag is the version the write left. */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<ConnectionRequestView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }

  /** `visible`, as the read model's filter: every request where they may read all, else their own. */
  async list(user: AuthenticatedUser, { environment, status, offset, limit }: ConnectionRequestListFilter) {
    const mine = environmentsAllowing(user, 'connection-request.create');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return this.readModel.listConnectionRequests({
      environments,
      requestedBy: user.id,
      everyRequestIn: environmentsAllowing(user, 'connection-request.read-all', environments),
      status,
      offset,
      limit,
    });
  }
}
