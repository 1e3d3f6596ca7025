import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  BREAKING_DIFFERENCE_KINDS,
  NON_BREAKING_DIFFERENCE_KINDS,
  type SchemaDifference,
  type SchemaDifferenceKind,
} from '@ib/domain';
import { ProblemDetailsSchema } from '../../../infrastructure/http/openapi/problem-details.schema';
import { PROBLEM_CONTENT } from '../../../infrastructure/http/openapi/api-responses';

/** One difference between a version's entities and the tables of the database it meets. */
@ApiSchema({ name: 'SchemaMismatchDifference' })
export class SchemaMismatchDifferenceSchema implements SchemaDifference {
  @ApiProperty({ enum: [...BREAKING_DIFFERENCE_KINDS, ...NON_BREAKING_DIFFERENCE_KINDS] })
  kind!: SchemaDifferenceKind;

  @ApiProperty({ description: 'Whether it makes calls of the data API fail or lose data' })
  breaking!: boolean;

  @ApiProperty({ example: 'customers' })
  table!: string;

  @ApiPropertyOptional({ example: 'Customer' })
  entity?: string;

  @ApiPropertyOptional({ example: 'phone' })
  column?: string;

  @ApiPropertyOptional({ description: 'What the version published (a native type, a key)', example: 'TEXT' })
  expected?: string;

  @ApiPropertyOptional({ description: 'What the database has now' })
  actual?: string;

  @ApiProperty({ example: 'Column customers.phone does not exist' })
  message!: string;
}

/** A problem details answer; PROMOTION.SCHEMA_MISMATCH adds every difference found. */
@ApiSchema({ name: 'SchemaMismatchProblem' })
export class SchemaMismatchProblemSchema extends ProblemDetailsSchema {
  @ApiPropertyOptional({
    type: [SchemaMismatchDifferenceSchema],
    description: 'PROMOTION.SCHEMA_MISMATCH: every difference, breaking or not',
  })
  differences?: SchemaMismatchDifferenceSchema[];

  @ApiPropertyOptional({
    description: "PROMOTION.CONNECTION_TEST_FAILED: the connector's code",
    example: 'CONNECTOR.UNREACHABLE',
  })
  connectorCode?: string;
}

/** The 409 of a gated promotion or binding, with what it means there. */
export const ApiGateConflict = (description: string) =>
  applyDecorators(
    ApiExtraModels(SchemaMismatchProblemSchema),
    ApiResponse({
      status: 409,
      description,
      content: { [PROBLEM_CONTENT]: { schema: { $ref: getSchemaPath(SchemaMismatchProblemSchema) } } },
    }),
  );
