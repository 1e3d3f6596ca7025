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

const LINE_BREAK = /[\n\r]/;
/** C0 (tab included) and C1 controls, DEL, and the line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
/** Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069): they reorder what is shown. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What makes a human-entered text unsafe to store and show: control characters (line breaks too,
 * unless `multiline`), bidirectional controls, which make a name display as something else, and
 * lone surrogates, which are not text and break every consumer that encodes to UTF-8.
 */
export const textProblem = (
  value: string,
  { multiline = false }: Readonly<{ multiline?: boolean }> = {},
): string | undefined => {
  if (!multiline && LINE_BREAK.test(value)) return 'must be a single line';
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional control characters';
  if (LONE_SURROGATE.test(value)) return 'must not contain lone surrogates';
  return undefined;
};
