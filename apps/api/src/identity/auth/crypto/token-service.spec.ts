import { createHmac } from 'node:crypto';
import { type TokenSubject, InvalidTokenError, InvalidTokenSecretError, TokenService } from './token-service';

const SECRET = 'a-configured-token-secret-of-at-least-32-bytes';
const NOW = new Date('2025-03-01T10:00:00.000Z');
const alice: TokenSubject = {
  sub: 'user-0195f0a0-0000-7000-8000-000000000001',
  username: 'alice',
  roles: [
    { environment: 'dev', role: 'developer' },
    { environment: 'qa', role: 'admin' },
  ],
  owner: false,
  env: 'dev',
  ver: 3,
};
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);
const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
const hs256 = (secret: string, signingInput: string) =>
  createHmac('sha256', secret).update(signingInput).digest('base64url');

const rejection = (action: () => unknown): InvalidTokenError => {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
};

describe('TokenService', () => {
  const tokens = new TokenService({ secret: SECRET });

  it('issues an HS256 JWT (header.payload.signature, base64url) that expires after 15 minutes by default', () => {
    const { token, expiresAt } = tokens.issue(alice, NOW);

    const [header, payload, signature] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(payload)).toMatchObject({
      ...alice,
      iat: NOW.getTime() / 1000,
      exp: NOW.getTime() / 1000 + 900,
    });
    expect(signature).toBe(hs256(SECRET, `${header}.${payload}`));
    expect(expiresAt).toEqual(at(15 * 60));
  });

  it('given an issued token, when it is verified before it expires, then the claims come back', () => {
    const { token } = tokens.issue(alice, NOW);

    const claims = tokens.verify(token, at(15 * 60 - 1));

    expect(claims).toEqual({
      ...alice,
      iat: NOW.getTime() / 1000,
      exp: NOW.getTime() / 1000 + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('given an issued token, when it is verified at or after its expiry, then it is rejected as expired', () => {
    const { token } = tokens.issue(alice, NOW);

    expect(rejection(() => tokens.verify(token, at(15 * 60))).reason).toBe('expired');
    expect(rejection(() => tokens.verify(token, at(24 * 3600))).reason).toBe('expired');
  });

  it('given a token already verified once, when it is used again after its expiry, then it is still rejected as expired', () => {
    const { token } = tokens.issue(alice, NOW);
    expect(tokens.verify(token, at(60)).sub).toBe(alice.sub);
    expect(rejection(() => tokens.verify(token, at(15 * 60))).reason).toBe('expired');
  });

  it('uses the configured lifetime', () => {
    const shortLived = new TokenService({ secret: SECRET, ttlSeconds: 60 });
    const { token, expiresAt } = shortLived.issue(alice, NOW);

    expect(expiresAt).toEqual(at(60));
    expect(shortLived.verify(token, at(59)).sub).toBe(alice.sub);
    expect(() => shortLived.verify(token, at(60))).toThrow(InvalidTokenError);
  });

  it('given a token whose payload was changed (roles escalated, expiry extended), when verified, then the signature check rejects it', () => {
    const { token } = tokens.issue(alice, NOW);
    const [header, payload, signature] = token.split('.');
    const claims = decode(payload);
    const escalated = b64json({ ...claims, roles: [{ environment: 'prod', role: 'admin' }] });
    const extended = b64json({ ...claims, exp: claims.exp + 86_400 });

    expect(rejection(() => tokens.verify(`${header}.${escalated}.${signature}`, NOW)).reason).toBe(
      'signature',
    );
    expect(rejection(() => tokens.verify(`${header}.${extended}.${signature}`, at(3600))).reason).toBe(
      'signature',
    );
  });

  it('given a token whose signature was changed, when verified, then it is rejected', () => {
    const { token } = tokens.issue(alice, NOW);
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);

    expect(rejection(() => tokens.verify(flipped, NOW)).reason).toBe('signature');
    expect(rejection(() => tokens.verify(token.slice(0, -1), NOW)).reason).toBe('signature');
  });

  it('given a token signed with another key, when verified, then it is rejected', () => {
    const other = new TokenService({ secret: 'another-token-secret-of-at-least-32-bytes!!' });

    expect(rejection(() => tokens.verify(other.issue(alice, NOW).token, NOW)).reason).toBe('signature');
  });

  it('rejects unsigned (alg none) and other-algorithm tokens', () => {
    const payload = b64json({ ...alice, iat: 0, exp: 4_000_000_000, jti: 'x' });

    expect(() => tokens.verify(`${b64json({ alg: 'none', typ: 'JWT' })}.${payload}.`, NOW)).toThrow(
      InvalidTokenError,
    );
    expect(() => tokens.verify(`${b64json({ alg: 'none' })}.${payload}.c2ln`, NOW)).toThrow(
      InvalidTokenError,
    );
    const hs512Header = b64json({ alg: 'HS512', typ: 'JWT' });
    const forged = `${hs512Header}.${payload}.${hs256(SECRET, `${hs512Header}.${payload}`)}`;
    expect(rejection(() => tokens.verify(forged, NOW)).reason).toBe('malformed');
  });

  it.each([
    ['an empty string', ''],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['characters outside base64url', 'ab+c.de/f.gh='],
    ['a very long token', `${'a'.repeat(9000)}.b.c`],
  ])('rejects %s as malformed', (_, token) => {
    expect(rejection(() => tokens.verify(token, NOW)).reason).toBe('malformed');
  });

  it('given a correctly signed payload without the expected claims, when verified, then it is rejected as malformed', () => {
    const header = b64json({ alg: 'HS256', typ: 'JWT' });
    const payload = b64json({ sub: 'u', exp: 4_000_000_000, roles: [{ environment: 'dev', role: 'root' }] });

    expect(
      rejection(() => tokens.verify(`${header}.${payload}.${hs256(SECRET, `${header}.${payload}`)}`, NOW))
        .reason,
    ).toBe('malformed');
  });

  it('given a correctly signed token issued before session versions existed, when verified, then it is rejected as malformed', () => {
    const header = b64json({ alg: 'HS256', typ: 'JWT' });
    const { ver: _ver, owner: _owner, ...older } = alice;
    const payload = b64json({ ...older, iat: 1_740_823_200, exp: 4_000_000_000, jti: 'older' });

    expect(
      rejection(() => tokens.verify(`${header}.${payload}.${hs256(SECRET, `${header}.${payload}`)}`, NOW))
        .reason,
    ).toBe('malformed');
  });

  it('accepts a standard HS256 JWT made by another library with the same secret (header fields in another order)', () => {
    const header = b64json({ typ: 'JWT', alg: 'HS256' });
    const payload = b64json({ ...alice, iat: 1_740_823_200, exp: 1_740_824_100, jti: 'external' });

    const claims = tokens.verify(`${header}.${payload}.${hs256(SECRET, `${header}.${payload}`)}`, NOW);

    expect(claims.username).toBe('alice');
  });

  it('given two instances with the same configured secret, then a token issued by one verifies on the other', () => {
    const { token } = new TokenService({ secret: Buffer.from(SECRET) }).issue(alice, NOW);

    expect(tokens.verify(token, NOW).sub).toBe(alice.sub);
  });

  it('given no configured secret, then tokens are signed with a random per-process key and a warning says so', () => {
    const warnings: string[] = [];
    const logger = { warn: (msg: string) => warnings.push(msg), log: () => undefined };
    const first = new TokenService({ logger });
    const second = new TokenService();
    const { token } = first.issue(alice, NOW);

    expect(first.verify(token, NOW).sub).toBe(alice.sub);
    expect(() => second.verify(token, NOW)).toThrow(InvalidTokenError);
    expect(warnings).toEqual([expect.stringMatching(/random per-process key/)]);
  });

  it('refuses a configured secret shorter than 32 bytes without echoing it', () => {
    const create = () => new TokenService({ secret: 'too-short-secret' });

    expect(create).toThrow(InvalidTokenSecretError);
    expect(create).not.toThrow(/too-short-secret/);
  });
});
