import { type FieldError, ValidationError } from './errors';

/** Commands cross an HTTP boundary first, so a "string" field may hold anything at runtime. */
export const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const lengthProblem = (value: string, max: number): string | undefined => {
  if (value.length === 0) return 'is required';
  if (value.length > max) return `must be at most ${max} characters`;
  return undefined;
};

export type FieldCheck = readonly [field: string, problem: string | undefined];

/** Every failed check is reported, so one answer names all bad fields instead of the first. */
export const fieldErrors = (...checks: readonly FieldCheck[]): FieldError[] =>
  checks.flatMap(([field, message]) => (message === undefined ? [] : [{ field, message }]));

export function throwIfInvalid(code: string, message: string, errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new ValidationError(code, message, errors);
}
