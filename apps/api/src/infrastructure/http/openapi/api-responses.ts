import { type Type, applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  type ApiResponseOptions,
  getSchemaPath,
} from '@nestjs/swagger';
import { ProblemDetailsSchema } from './problem-details.schema';

const PROBLEM_JSON = 'application/problem+json';

/** `{ items: Item[], total }`, the answer of every list. */
export const ApiList = (item: Type, description = 'The list') =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', minimum: 0 },
        },
      },
    }),
  );

/**
 * Error answers an operation is known for, named with what they mean there (every operation also
 * documents any other error as problem details: see completeApiDocument).
 */
export const ApiProblems = (problems: Readonly<Record<number, string>>) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsSchema),
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      } satisfies ApiResponseOptions),
    ),
  );

export const PROBLEM_CONTENT = PROBLEM_JSON;

/** `ETag` of an answer that names an event-sourced resource: send it back as `If-Match` to change it. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The version of the resource (its stream version); send it back as If-Match',
    schema: { type: 'string', example: '"3"' },
  },
} as const;

/** `Location` of a created resource (or of the run that follows an accepted command). */
export const LOCATION_HEADER = {
  Location: {
    description: 'Path of the created resource',
    schema: { type: 'string', example: '/api/integrations/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10' },
  },
} as const;
