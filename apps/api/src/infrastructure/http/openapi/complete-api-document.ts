import { type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT } from './api-responses';

type Responses = Record<string, unknown>;
type Operation = { responses?: Responses; security?: unknown[]; parameters?: unknown[] };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The statuses every authenticated operation may answer, whatever it does. */
const AUTHENTICATED: Readonly<Record<string, string>> = {
  '401':
    'No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps)',
};

/**
 * Completes what the decorators describe: every operation answers any error as problem details
 * (`default`), and every authenticated one may answer 401. So the document states every answer the
 * server gives, and a client generated from it knows the error shape everywhere.
 */
export function completeApiDocument(document: OpenAPIObject, problemSchemaRef: string): OpenAPIObject {
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_CONTENT]: { schema: { $ref: problemSchemaRef } } },
  });
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation === undefined) continue;
      const responses = (operation.responses ??= {});
      if ((operation.security?.length ?? 0) > 0)
        for (const [status, description] of Object.entries(AUTHENTICATED))
          responses[status] ??= problem(description);
      responses.default ??= problem('Any other error, as RFC 9457 problem details with a stable `code`');
    }
  }
  // A schema without properties (a data row, whose attributes each published version states) is a
  // free-form object: said so, else generators read it as an object that may hold nothing.
  for (const schema of Object.values(document.components?.schemas ?? {}) as Record<string, unknown>[])
    if (schema.type === 'object' && Object.keys((schema.properties as object | undefined) ?? {}).length === 0)
      schema.additionalProperties ??= true;
  return document;
}
