import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type Row } from '@ib/connectors';
import { MAX_LIMIT } from '../publishing';
import { type listRows } from './list-rows';

/**
 * A row of an entity: its attributes by name. Each published version's own document (in its
 * package) states the attributes and their types; this document serves every entity of every
 * version, so it can only say the row is an object.
 */
@ApiSchema({
  name: 'DataRow',
  description:
    "A row: the entity's attributes by name, as the published version's own OpenAPI document " +
    'describes them (in its package)',
})
export class DataRowSchema {}

/** A page of rows, as `listRows` answers it (`implements` keeps the document in step with it). */
@ApiSchema({ name: 'DataRowList' })
export class DataRowListSchema implements Awaited<ReturnType<typeof listRows>> {
  @ApiProperty({
    type: [DataRowSchema],
    description: 'Every attribute of each row, or only those `fields` names',
  })
  items!: Row[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'The number of matching rows; present when `count=true`',
  })
  count?: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  offset!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LIMIT })
  limit!: number;
}
