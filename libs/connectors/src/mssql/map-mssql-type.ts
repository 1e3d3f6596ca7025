import { type AttributeKind } from '../spi';

export type MssqlTypeMapping = Readonly<{
  /** The type as declared: `nvarchar(40)`, `varchar(max)`, `decimal(4,2)`, `datetime2(3)`, `int`. */
  nativeType: string;
  kind: AttributeKind;
  /** Characters (not bytes) for text, bytes for binary; absent for `max`, text, ntext, image and xml. */
  length?: number;
  precision?: number;
  scale?: number;
}>;

export type MssqlTypeFacts = Readonly<{
  typeName: string;
  /** sys.columns.max_length: bytes, -1 for max. */
  maxLength: number;
  precision: number;
  scale: number;
}>;

const UNICODE = new Set(['nvarchar', 'nchar']);
const SIZED_TEXT = new Set(['varchar', 'char', 'nvarchar', 'nchar']);
const SIZED_BINARY = new Set(['varbinary', 'binary']);
const FRACTIONAL_SECONDS = new Set(['time', 'datetime2', 'datetimeoffset']);

const KINDS: Readonly<Record<string, AttributeKind>> = {
  varchar: 'Text',
  char: 'Text',
  nvarchar: 'Text',
  nchar: 'Text',
  text: 'Text',
  ntext: 'Text',
  xml: 'Text',
  sysname: 'Text',
  uniqueidentifier: 'Text',
  sql_variant: 'Text',
  bit: 'Boolean',
  tinyint: 'Integer',
  smallint: 'Integer',
  int: 'Integer',
  bigint: 'LongInteger',
  decimal: 'Decimal',
  numeric: 'Decimal',
  money: 'Decimal',
  smallmoney: 'Decimal',
  float: 'Decimal',
  real: 'Decimal',
  date: 'Date',
  time: 'Time',
  datetime: 'DateTime',
  datetime2: 'DateTime',
  smalldatetime: 'DateTime',
  datetimeoffset: 'DateTime',
  binary: 'BinaryData',
  varbinary: 'BinaryData',
  image: 'BinaryData',
  timestamp: 'BinaryData',
  rowversion: 'BinaryData',
  geometry: 'BinaryData',
  geography: 'BinaryData',
  hierarchyid: 'BinaryData',
};

/**
 * Maps a column's sys.types name and size facts to the product's attribute type. Unknown types (a CLR
 * user type) are BinaryData, the one kind that carries any value unchanged.
 */
export function mapMssqlType({ typeName, maxLength, precision, scale }: MssqlTypeFacts): MssqlTypeMapping {
  const type = typeName.toLowerCase();
  const kind = KINDS[type] ?? 'BinaryData';

  if (SIZED_TEXT.has(type) || SIZED_BINARY.has(type)) {
    if (maxLength === -1) return { nativeType: `${type}(max)`, kind };
    const length = UNICODE.has(type) ? maxLength / 2 : maxLength;
    return { nativeType: `${type}(${length})`, kind, length };
  }
  switch (type) {
    case 'sysname':
      return { nativeType: 'sysname', kind, length: 128 };
    case 'uniqueidentifier':
      return { nativeType: type, kind, length: 36 };
    case 'decimal':
    case 'numeric':
      return { nativeType: `${type}(${precision},${scale})`, kind, precision, scale };
    case 'money':
      return { nativeType: type, kind, precision: 19, scale: 4 };
    case 'smallmoney':
      return { nativeType: type, kind, precision: 10, scale: 4 };
    case 'float':
      // float(1..24) is stored as real; sys.columns reports 53 for float and 24 for real.
      return { nativeType: precision === 53 ? 'float' : `float(${precision})`, kind };
    default:
      if (FRACTIONAL_SECONDS.has(type)) return { nativeType: `${type}(${scale})`, kind };
      return { nativeType: type, kind };
  }
}
