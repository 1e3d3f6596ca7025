import { type Role } from '@ib/domain';
import { type AuthenticatedUser } from '../../identity';
import { type EventScope, maySee } from './event-visibility';

const user = (username: string, roles: Array<[string, Role]>, owner = false): AuthenticatedUser => ({
  id: `id-${username}`,
  username,
  roles: roles.map(([environment, role]) => ({ environment, role })),
  owner,
  environment: roles[0]?.[0] ?? 'development',
});
const scope = (
  streamId: string,
  category: string,
  environments: string[],
  requester?: string,
): EventScope => ({
  streamId,
  category,
  environments,
  ...(requester === undefined ? {} : { requester }),
});

const owner = user('root', [], true);
const devAdmin = user('ada', [['development', 'admin']]);
const qaAuditor = user('aud', [['qa', 'auditor']]);
const dana = user('dana', [['development', 'developer']]);

const integrationInDev = scope('integration-1', 'integration', ['development']);
const connectionInQa = scope('connection-1', 'connection', ['qa']);
const apiKeyInDev = scope('api-key-1', 'api-key', ['development']);
const danasRequest = scope('connection-request-1', 'connection-request', ['development'], 'id-dana');
const elisRequest = scope('connection-request-2', 'connection-request', ['development'], 'id-eli');
const elisUser = scope('user-eli', 'user', ['development']);
const nowhere = scope('something-1', 'something', []);

describe('maySee: who sees that an event happened on the live stream', () => {
  it('given an owner, then they see every event, of no environment too', () => {
    for (const event of [integrationInDev, connectionInQa, apiKeyInDev, elisUser, nowhere])
      expect(maySee(owner, event)).toBe(true);
  });

  it("given an administrator or auditor, then they see every event of their environments (as the audit log shows them) and none of another's", () => {
    for (const event of [integrationInDev, apiKeyInDev, elisRequest, elisUser])
      expect(maySee(devAdmin, event)).toBe(true);
    expect(maySee(devAdmin, connectionInQa)).toBe(false);
    expect(maySee(qaAuditor, connectionInQa)).toBe(true);
    expect(maySee(qaAuditor, integrationInDev)).toBe(false);
  });

  it("given a developer, then they see what they read in their environment and their own requests, not API keys, other users or others' requests", () => {
    expect(maySee(dana, integrationInDev)).toBe(true);
    expect(maySee(dana, danasRequest)).toBe(true);
    expect(maySee(dana, elisRequest)).toBe(false);
    expect(maySee(dana, apiKeyInDev)).toBe(false);
    expect(maySee(dana, elisUser)).toBe(false);
    expect(maySee(dana, connectionInQa)).toBe(false);
  });

  it('given anyone, then they see the events of their own user stream, and nobody but owners those of no environment', () => {
    expect(maySee(dana, scope('user-dana', 'user', ['development']))).toBe(true);
    for (const viewer of [devAdmin, qaAuditor, dana]) expect(maySee(viewer, nowhere)).toBe(false);
  });
});
