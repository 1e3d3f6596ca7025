import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  type AttributeKind,
  type ColumnInfo,
  type ConnectionTestResult,
  type ForeignKeyInfo,
  type IndexInfo,
  type TableInfo,
  type TableKind,
  type TableSummary,
} from '@ib/connectors';
import { ATTRIBUTE_TYPES } from '@ib/domain';

// `implements` keeps each schema in step with what the connectors' SPI answers.

@ApiSchema({ name: 'ConnectionTestResult' })
export class ConnectionTestResultSchema implements ConnectionTestResult {
  @ApiProperty({ enum: [true], description: 'Always true: a failed test answers an error' })
  ok!: true;

  @ApiProperty({ example: '11.4.2-MariaDB' })
  serverVersion!: string;

  @ApiProperty({ minimum: 0, example: 3.2, description: 'Round trip of a trivial query, in milliseconds' })
  latencyMs!: number;
}

@ApiSchema({ name: 'DatabaseName' })
export class DatabaseNameSchema {
  @ApiProperty({ example: 'orders' })
  name!: string;
}

/** The databases of a connection's server (SQLite: `main`); not paged, so no `total`. */
@ApiSchema({ name: 'DatabaseList' })
export class DatabaseListSchema {
  @ApiProperty({ type: [DatabaseNameSchema] })
  items!: DatabaseNameSchema[];
}

@ApiSchema({ name: 'TableSummary' })
export class TableSummarySchema implements TableSummary {
  @ApiProperty({ example: 'orders', description: 'The database (or SQL Server schema) it belongs to' })
  schema!: string;

  @ApiProperty({ example: 'order_items' })
  name!: string;

  @ApiProperty({ enum: ['table', 'view'] })
  kind!: TableKind;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "The catalog's estimate, when it has one",
  })
  rowEstimate?: number;

  @ApiPropertyOptional()
  comment?: string;
}

/** The tables and views of one database; not paged, so no `total`. */
@ApiSchema({ name: 'TableList' })
export class TableListSchema {
  @ApiProperty({ type: [TableSummarySchema] })
  items!: TableSummarySchema[];
}

@ApiSchema({ name: 'Column' })
export class ColumnSchema implements ColumnInfo {
  @ApiProperty({ example: 'unit_price' })
  name!: string;

  @ApiProperty({ example: 'DECIMAL(10,2)' })
  nativeType!: string;

  @ApiProperty({ enum: ATTRIBUTE_TYPES, description: 'The attribute type an app would see' })
  kind!: AttributeKind;

  @ApiProperty()
  nullable!: boolean;

  @ApiPropertyOptional({
    example: '0.00',
    description: 'A literal as text, or an expression (defaultIsExpression)',
  })
  defaultValue?: string;

  @ApiPropertyOptional()
  defaultIsExpression?: boolean;

  @ApiProperty()
  autoIncrement!: boolean;

  @ApiPropertyOptional({ description: 'The database computes it: it can be read, never written' })
  generated?: boolean;

  @ApiPropertyOptional({
    description:
      'The connector cannot map its native type (an Oracle INTERVAL or object type: read as null; an OData complex type, collection or geography: read as JSON): listed, never written',
  })
  unsupported?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  length?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  precision?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  scale?: number;

  @ApiPropertyOptional({ type: [String], description: 'The values of an ENUM or SET column' })
  enumValues?: string[];
}

@ApiSchema({ name: 'ForeignKey' })
export class ForeignKeySchema implements ForeignKeyInfo {
  @ApiPropertyOptional({ example: 'fk_order_items_order' })
  name?: string;

  @ApiProperty({ type: [String], example: ['order_id'] })
  columns!: string[];

  @ApiProperty({ example: 'orders' })
  referencedTable!: string;

  @ApiProperty({ type: [String], example: ['id'] })
  referencedColumns!: string[];
}

@ApiSchema({ name: 'Index' })
export class IndexSchema implements IndexInfo {
  @ApiProperty({ example: 'ix_order_items_product' })
  name!: string;

  @ApiProperty({ type: [String], example: ['product_id'] })
  columns!: string[];

  @ApiProperty()
  unique!: boolean;
}

@ApiSchema({ name: 'Table' })
export class TableSchema extends TableSummarySchema implements TableInfo {
  @ApiProperty({ type: [ColumnSchema] })
  columns!: ColumnSchema[];

  @ApiProperty({ type: [String], description: 'Key columns, in key order (empty: no primary key)' })
  primaryKey!: string[];

  @ApiProperty({ type: [ForeignKeySchema] })
  foreignKeys!: ForeignKeySchema[];

  @ApiProperty({ type: [IndexSchema] })
  indexes!: IndexSchema[];
}
