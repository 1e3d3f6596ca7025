import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser, allows, environmentsAllowing } from '../../identity';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { ReadModel } from '../../read-model';

export type ConnectionView = NonNullable<Awaited<ReturnType<ReadModel['getConnection']>>>;

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

  async list(user: AuthenticatedUser, filter: { environment?: string; provider?: string }) {
    const mine = environmentsAllowing(user, 'connection.read');
    const environments = filter.environment ? mine.filter((name) => name === filter.environment) : mine;
    const all = await this.readModel.listConnections({ environments });
    const items = all.filter(
      (view) => !view.deleted && (!filter.provider || view.provider === filter.provider),
    );
    return { items, total: items.length };
  }
}
