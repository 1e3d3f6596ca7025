import { Injectable } from '@nestjs/common';
import { AnswersAsOf } from '../../../infrastructure/consistency/answers-as-of';
import { CurrentViews } from '../../../infrastructure/consistency/current-views';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { countOwners, type UserView } from '../../users/user-queries/user-views';
import { UserRow } from '../../users/user-queries/users.table';
import { type UserSessionView } from './user-sessions.projection';
import { UserSessionRow } from './user-sessions.table';

/**
 * Every user as the log holds them now: a token names who it was issued to, and this says what that
 * user may do at this moment (roles granted or withdrawn since hold from the next request on) and
 * whether the session the token belongs to still stands. Read from the checkpointed views once they
 * have passed a head position read after the request began, so nothing is folded here.
 */
@Injectable()
export class UserDirectory {
  private readonly sessions = new AnswersAsOf<UserSessionView | undefined>();
  private readonly sessionViews: ViewStore<UserSessionView>;
  private readonly users: ViewStore<UserView>;

  constructor(
    stores: ViewStores,
    private readonly views: CurrentViews,
  ) {
    this.sessionViews = stores.of<UserSessionView>(UserSessionRow);
    this.users = stores.of<UserView>(UserRow);
  }

  /**
   * The user as of every event stored before the call, or before `asOf` when the caller read the
   * head itself (see LogHead); undefined when there is no such user. Read again only once the head
   * has moved since the last read of that user.
   */
  async current(userId: string, asOf?: number): Promise<UserSessionView | undefined> {
    const head = await this.views.upTo(asOf);
    const known = this.sessions.get(userId, head);
    if (known !== undefined) return known;
    const session = await this.sessionViews.get(userId);
    this.sessions.set(userId, head, session);
    return session;
  }

  /** How many users hold the owner role now. */
  async ownerCount(): Promise<number> {
    await this.views.upTo();
    return countOwners(this.users);
  }
}
