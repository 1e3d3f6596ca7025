import { type AttributeKind } from '../spi';

export type OracleTypeMapping = Readonly<{
  /** The type as declared: `VARCHAR2(20 CHAR)`, `NUMBER(8,2)`, `NUMBER`, `TIMESTAMP(6) WITH TIME ZONE`. */
  nativeType: string;
  kind: AttributeKind;
  /** Characters for text, bytes for RAW; absent for LOBs and LONG. */
  length?: number;
  precision?: number;
  scale?: number;
  /** A type the product cannot carry (INTERVAL, XMLTYPE, SDO_GEOMETRY, BFILE, VECTOR, object types). */
  unsupported?: true;
}>;

export type OracleTypeFacts = Readonly<{
  dataType: string;
  dataTypeOwner?: string | null;
  dataLength: number | string;
  charLength?: number | string | null;
  charUsed?: string | null;
  dataPrecision?: number | string | null;
  dataScale?: number | string | null;
}>;

/** Digits of the widest NUMBER(p) an Integer holds (2^31 > 999,999,999) and a LongInteger (2^63 > 10^18 - 1). */
const INTEGER_DIGITS = 9;
const LONG_INTEGER_DIGITS = 18;
const TIMESTAMP = /^TIMESTAMP\(\d\)(?: WITH (?:LOCAL )?TIME ZONE)?$/;

/**
 * Maps a column's ALL_TAB_COLS type facts to the product's attribute type:
 * - VARCHAR2/NVARCHAR2/CHAR/NCHAR: Text of CHAR_LENGTH characters; CLOB, NCLOB, LONG: Text;
 * - NUMBER(p) / NUMBER(p,0): Integer up to 9 digits, LongInteger up to 18, Decimal(p,0) beyond;
 *   NUMBER(p,s), NUMBER and FLOAT: Decimal, read as exact text; BINARY_FLOAT/DOUBLE: Decimal;
 * - DATE (which has a time of day) and every TIMESTAMP: DateTime;
 * - RAW, LONG RAW, BLOB: BinaryData; BOOLEAN (23ai): Boolean; JSON (21c): Json;
 * - anything else is listed as unsupported (never a crash): read as null, never written.
 */
export function mapOracleType(facts: OracleTypeFacts): OracleTypeMapping {
  const type = facts.dataType.trim().toUpperCase();
  const precision = numberOrUndefined(facts.dataPrecision);
  const scale = numberOrUndefined(facts.dataScale);
  if (facts.dataTypeOwner) return unsupported(facts.dataType);
  switch (type) {
    case 'VARCHAR2':
    case 'CHAR': {
      const length = Number(facts.charLength);
      return {
        nativeType: `${type}(${length} ${facts.charUsed === 'C' ? 'CHAR' : 'BYTE'})`,
        kind: 'Text',
        length,
      };
    }
    case 'NVARCHAR2':
    case 'NCHAR': {
      const length = Number(facts.charLength);
      return { nativeType: `${type}(${length})`, kind: 'Text', length };
    }
    case 'CLOB':
    case 'NCLOB':
    case 'LONG':
      return { nativeType: type, kind: 'Text' };
    case 'ROWID':
      return { nativeType: type, kind: 'Text', length: 18 };
    case 'UROWID':
      return {
        nativeType: `UROWID(${Number(facts.dataLength)})`,
        kind: 'Text',
        length: Number(facts.dataLength),
      };
    case 'NUMBER':
      return mapNumber(precision, scale);
    case 'FLOAT':
      // Binary precision (126 bits by default, about 38 decimal digits): still an Oracle NUMBER inside.
      return { nativeType: precision === undefined ? 'FLOAT' : `FLOAT(${precision})`, kind: 'Decimal' };
    case 'BINARY_FLOAT':
    case 'BINARY_DOUBLE':
      return { nativeType: type, kind: 'Decimal' };
    case 'DATE':
      return { nativeType: type, kind: 'DateTime' };
    case 'RAW': {
      const length = Number(facts.dataLength);
      return { nativeType: `RAW(${length})`, kind: 'BinaryData', length };
    }
    case 'LONG RAW':
    case 'BLOB':
      return { nativeType: type, kind: 'BinaryData' };
    case 'BOOLEAN':
      return { nativeType: type, kind: 'Boolean' };
    case 'JSON':
      return { nativeType: type, kind: 'Json' };
    default:
      return TIMESTAMP.test(type) ? { nativeType: type, kind: 'DateTime' } : unsupported(facts.dataType);
  }
}

function mapNumber(precision: number | undefined, scale: number | undefined): OracleTypeMapping {
  // NUMBER without precision nor scale: any decimal of up to 38 significant digits.
  if (precision === undefined && scale === undefined) return { nativeType: 'NUMBER', kind: 'Decimal' };
  // INTEGER / NUMBER(*,0): precision null, scale 0, up to 38 digits.
  const digits = precision ?? 38;
  const declared =
    precision === undefined ? `NUMBER(*,${scale ?? 0})` : `NUMBER(${precision}${scale ? `,${scale}` : ''})`;
  if (!scale) {
    if (digits <= INTEGER_DIGITS) return { nativeType: declared, kind: 'Integer', precision: digits };
    if (digits <= LONG_INTEGER_DIGITS)
      return { nativeType: declared, kind: 'LongInteger', precision: digits };
    return { nativeType: declared, kind: 'Decimal', precision: digits, scale: 0 };
  }
  // NUMBER(5,-2) rounds to hundreds: whole numbers of up to 7 digits.
  if (scale < 0) return { nativeType: declared, kind: 'Decimal', precision: digits - scale, scale: 0 };
  return { nativeType: declared, kind: 'Decimal', precision: Math.max(digits, scale), scale };
}

const unsupported = (dataType: string): OracleTypeMapping => ({
  nativeType: dataType,
  kind: 'Text',
  unsupported: true,
});

function numberOrUndefined(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
