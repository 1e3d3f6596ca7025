/** The closed error vocabulary; adapters map each kind once (e.g. to problem details). */
export type DomainErrorKind = 'validation' | 'not_found' | 'illegal_state' | 'concurrency' | 'forbidden';

export type FieldError = Readonly<{ field: string; message: string }>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** More of what the caller needs to act on, answered as it is (e.g. a gate's list of differences). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
}
export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
}
export class IllegalStateError extends DomainError {
  readonly kind = 'illegal_state' as const;
}
export class ConcurrencyError extends DomainError {
  readonly kind = 'concurrency' as const;
}
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/**
 * The caller changed what they saw at `expected` (an If-Match), but the aggregate has moved on to
 * `actual`: a concurrency error they can act on (reload, then retry), so adapters may answer it apart.
 */
export class StaleVersionError extends ConcurrencyError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'PRECONDITION_FAILED',
      `The resource is at version ${actual}, not ${expected}; reload it and retry`,
    );
  }
}
