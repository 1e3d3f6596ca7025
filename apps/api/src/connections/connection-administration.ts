import { type Connection, NotFoundError } from '@ib/domain';
import { type AuthenticatedUser, allows, authorize } from '../identity';

/**
 * Who may change, rotate or delete a connection: who may create one in its environment. The metadata
 * of the command, once the caller may take it. A connection the caller may not read does not exist for
 * them, as when they read it; one that does not exist (or was deleted) passes without an environment,
 * for the decider to answer 404 before anything else.
 */
export function administeredConnection(
  state: Connection,
  connectionId: string,
  user: AuthenticatedUser,
): { environment?: string } {
  if (state.status !== 'active') return {};
  if (!allows(user, 'connection.read', state.environment))
    throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);
  authorize(user, 'connection.create', state.environment);
  return { environment: state.environment };
}
