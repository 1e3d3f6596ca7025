import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { type UserView } from './users.projection';
import { UserRow } from './users.table';

/**
 * The username of each actor of the log, for histories: a username never changes once registered, so
 * the users view names an actor whatever moment the event was recorded at. An actor that is no user
 * (the system, an app's API key) keeps its id as its name.
 */
@Injectable()
export class ActorNames {
  private readonly users: ViewStore<UserView>;

  constructor(stores: ViewStores) {
    this.users = stores.of<UserView>(UserRow);
  }

  /** Each of `actorIds` with its username, in one read of the users view. */
  async of(actorIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const names = new Map(actorIds.map((id) => [id, id]));
    if (actorIds.length === 0) return names;
    const { items } = await this.users.list({ where: [{ field: 'id', in: actorIds }] });
    for (const { id, username } of items) names.set(id, username);
    return names;
  }
}
