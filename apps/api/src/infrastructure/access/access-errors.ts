/**
 * The caller is not known: no credentials, or ones that no longer hold. `challenge` names the schemes
 * to come back with (a WWW-Authenticate value).
 */
export class Unauthenticated extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly challenge = 'Bearer',
  ) {
    super(message);
    this.name = 'Unauthenticated';
  }

  static bearerRequired() {
    return new Unauthenticated('AUTH.UNAUTHENTICATED', 'A valid bearer token is required');
  }
}

/** Too many failed attempts: refused without a check until `retryAfterSeconds` have passed. */
export class TooManyAttempts extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyAttempts';
  }
}
