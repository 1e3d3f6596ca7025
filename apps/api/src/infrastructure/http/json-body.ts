import { HttpProblem } from './http-problem';

/** Both adapters read at most this many bytes of a body (413 beyond). */
export const BODY_LIMIT_BYTES = 1_048_576;

const JSON_MEDIA_TYPE = 'application/json';
/** RFC 7396: a partial document, which is what PATCH means on our routes. */
const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

export type JsonBodyOptions = Readonly<{ maxDepth: number }>;

/**
 * The one body reader of every route, under Fastify and Express alike. An empty body is no body,
 * whatever its content type says (clients send `Content-Type: application/json` on a body-less
 * DELETE); any other body must be UTF-8 JSON, no deeper than `maxDepth`, checked on the text
 * before parsing so a hostile nesting never reaches the parser, the pipes or the validators.
 */
export function readJsonBody(
  raw: Buffer | string,
  contentType: string | undefined,
  method: string,
  { maxDepth }: JsonBodyOptions,
): unknown {
  if (raw.length === 0) return undefined;
  assertJsonMediaType(contentType, method);
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (exceedsDepth(text, maxDepth))
    throw HttpProblem.badRequest(
      'REQUEST.JSON_TOO_DEEP',
      `The JSON body is nested deeper than ${maxDepth} levels`,
    );
  return parse(text);
}

function assertJsonMediaType(contentType: string | undefined, method: string): void {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  const type = mediaType.trim().toLowerCase();
  const accepted = type === JSON_MEDIA_TYPE || (type === MERGE_PATCH_MEDIA_TYPE && method === 'PATCH');
  if (!accepted)
    throw HttpProblem.unsupportedMediaType(
      contentType === undefined
        ? `A body needs Content-Type: ${JSON_MEDIA_TYPE}`
        : `Bodies are ${JSON_MEDIA_TYPE}${method === 'PATCH' ? ` or ${MERGE_PATCH_MEDIA_TYPE}` : ''}, not ${type || 'an empty type'}`,
    );
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    // RFC 8259: JSON exchanged between systems is UTF-8.
    if (charset !== 'utf-8' && charset !== 'utf8')
      throw HttpProblem.unsupportedMediaType(`JSON bodies are UTF-8, not ${charset || 'an empty charset'}`);
  }
}

/** One pass over the text: brackets count only outside strings. */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  // A text shorter than the limit cannot open more brackets than it has characters.
  if (text.length <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) depth--;
  }
  return false;
}

// Keys spelled with escapes are decoded by JSON.parse, so an escape may hide one of them.
const MAY_POISON_PROTOTYPE = /__proto__|constructor|\\u/;

function parse(text: string): unknown {
  try {
    return MAY_POISON_PROTOTYPE.test(text) ? JSON.parse(text, refusePrototypeKeys) : JSON.parse(text);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw HttpProblem.badRequest('REQUEST.INVALID', 'The body is not valid JSON');
  }
}

/**
 * `__proto__` (and `constructor.prototype`) keys are refused, as Fastify's own parser did: a
 * later spread or merge of the body would otherwise write to an object's prototype.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (
    key === '__proto__' ||
    (key === 'constructor' &&
      typeof value === 'object' &&
      value !== null &&
      Object.prototype.hasOwnProperty.call(value, 'prototype'))
  )
    throw HttpProblem.badRequest(
      'REQUEST.INVALID',
      'The body holds a forbidden key (__proto__ or constructor)',
    );
  return value;
}
