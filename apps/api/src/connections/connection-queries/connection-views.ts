import { Injectable } from '@nestjs/common';
import { NotFoundError, type Provider } from '@ib/domain';
import { type AuthenticatedUser, allows, environmentsAllowing } from '../../identity';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { ReadModel } from '../../read-model';

export type ConnectionView = NonNullable<Awaited<ReturnType<ReadModel['getConnection']>>>;

export type ConnectionListFilter = Readonly<{
  environment?: string;
  provider?: Provider;
  offset: number;
  limit: number;
}>;

/** A user sees the connections of the environments they have a role in; never a secret. */
@Injectable()
export class ConnectionViews {
  constructor(
    private readonly readModel: ReadModel,
    private readonly consistency: ReadYourWrites,
  ) {}

  async get(id: string, user?: AuthenticatedUser): Promise<ConnectionView> {
    const view = await this.readModel.getConnection(id);
    if (!view || view.deleted || (user && !allows(user, 'connection.read', view.environment)))
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${id} does not exist`);
    return view;
  }

  async afterWrite(id: string, position: number): Promise<ConnectionView> {
    await this.consistency.after(position);
    return this.get(id);
  }

  async list(user: AuthenticatedUser, { environment, provider, offset, limit }: ConnectionListFilter) {
    const mine = environmentsAllowing(user, 'connection.read');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return this.readModel.listConnections({ environments, provider, offset, limit });
  }
}
