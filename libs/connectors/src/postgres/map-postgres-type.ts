import { type AttributeKind } from '../spi';

export type PostgresTypeMapping = Readonly<{
  kind: AttributeKind;
  length?: number;
  precision?: number;
  scale?: number;
  enumValues?: readonly string[];
}>;

/** What the catalog says about one column's type (see PostgresColumnRow); a domain comes resolved. */
export type PostgresTypeFacts = Readonly<{
  typeName: string;
  typeType: string;
  category: string;
  typeModifier: number;
  enumValues?: readonly string[] | null;
}>;

/** The header PostgreSQL adds to a length or numeric type modifier (VARHDRSZ). */
const VARHDRSZ = 4;
const TEXT_TYPES = new Set(['varchar', 'bpchar', 'text', 'name', 'citext']);
const LENGTH_TYPES = new Set(['varchar', 'bpchar']);
const INTEGER_TYPES = new Set(['int2', 'int4']);
const FLOAT_TYPES = new Set(['float4', 'float8']);

/**
 * Maps a column's type to the product's attribute kind. A domain is its base type (its name stays the
 * native type); an enum is an Enum with its members; an array, json and jsonb are Json (arrays travel as
 * JSON arrays); `numeric` is an exact Decimal (as text), its precision and scale read from the type
 * modifier; `uuid`, `interval`, `inet`, `money`, `xml`, `timetz` and every type without a kind of its own
 * (ranges, geometric and text-search types, composites) are Text: PostgreSQL reads and writes each of them
 * as text.
 */
export function mapPostgresType(facts: PostgresTypeFacts): PostgresTypeMapping {
  const name = facts.typeName;
  if (facts.category === 'A') return { kind: 'Json' };
  if (facts.typeType === 'e') return { kind: 'Enum', enumValues: [...(facts.enumValues ?? [])] };
  if (TEXT_TYPES.has(name)) {
    const length =
      LENGTH_TYPES.has(name) && facts.typeModifier >= VARHDRSZ ? facts.typeModifier - VARHDRSZ : undefined;
    return length === undefined ? { kind: 'Text' } : { kind: 'Text', length };
  }
  if (INTEGER_TYPES.has(name)) return { kind: 'Integer' };
  if (name === 'int8') return { kind: 'LongInteger' };
  if (name === 'numeric') return numeric(facts.typeModifier);
  if (FLOAT_TYPES.has(name)) return { kind: 'Decimal' };
  if (name === 'bool') return { kind: 'Boolean' };
  if (name === 'date') return { kind: 'Date' };
  if (name === 'time') return { kind: 'Time' };
  if (name === 'timestamp' || name === 'timestamptz') return { kind: 'DateTime' };
  if (name === 'bytea') return { kind: 'BinaryData' };
  if (name === 'json' || name === 'jsonb') return { kind: 'Json' };
  return { kind: 'Text' };
}

/** numeric(p,s) keeps ((p << 16) | s) + VARHDRSZ in its modifier; a bare numeric has none (-1). */
function numeric(typeModifier: number): PostgresTypeMapping {
  if (typeModifier < VARHDRSZ) return { kind: 'Decimal' };
  const packed = typeModifier - VARHDRSZ;
  const precision = (packed >> 16) & 0xffff;
  // PostgreSQL 15 allows a negative scale (rounding left of the point), kept as 11 signed bits.
  const rawScale = packed & 0x7ff;
  const scale = rawScale > 1023 ? rawScale - 2048 : rawScale;
  return { kind: 'Decimal', precision, scale: Math.max(scale, 0) };
}

/** The array columns (read as JSON, written as arrays): their native type ends with `[]`. */
export const isPostgresArray = (nativeType: string): boolean => /\[\]$/.test(nativeType.trim());
