import { type AttributeKind } from '../spi';
import { type EdmProperty } from './read-edmx';

export type ODataTypeMapping = Readonly<{
  kind: AttributeKind;
  length?: number;
  precision?: number;
  scale?: number;
  enumValues?: readonly string[];
  /** No attribute type fits (a complex type, a collection, a geography, a stream): read as JSON, never written. */
  unsupported?: true;
}>;

const INTEGER_TYPES = new Set(['Edm.Byte', 'Edm.SByte', 'Edm.Int16', 'Edm.Int32']);
/** A Guid's text: 8-4-4-4-12 hexadecimal digits. */
const GUID_LENGTH = 36;

/**
 * Maps a property's Edm type (v2 and v4) to the product's attribute kind. A v2 Edm.DateTime that SAP
 * displays as a date (`sap:display-format="Date"`) is a Date; Edm.Double and Edm.Single are decimals
 * without precision (as MySQL's DOUBLE). A v4 enumeration type is an Enum of its members.
 */
export function mapODataType(
  property: Pick<EdmProperty, 'type' | 'maxLength' | 'precision' | 'scale' | 'displayFormat'>,
  enumTypes: ReadonlyMap<string, readonly string[]> = new Map(),
): ODataTypeMapping {
  const { type } = property;
  switch (type) {
    case 'Edm.String':
      return property.maxLength === undefined
        ? { kind: 'Text' }
        : { kind: 'Text', length: property.maxLength };
    case 'Edm.Guid':
      return { kind: 'Text', length: GUID_LENGTH };
    case 'Edm.Int64':
      return { kind: 'LongInteger' };
    case 'Edm.Decimal':
      return {
        kind: 'Decimal',
        ...(property.precision === undefined ? {} : { precision: property.precision }),
        ...(property.scale === undefined ? {} : { scale: property.scale }),
      };
    case 'Edm.Double':
    case 'Edm.Single':
      return { kind: 'Decimal' };
    case 'Edm.Boolean':
      return { kind: 'Boolean' };
    case 'Edm.Date':
      return { kind: 'Date' };
    case 'Edm.DateTime':
      return property.displayFormat?.toLowerCase() === 'date' ? { kind: 'Date' } : { kind: 'DateTime' };
    case 'Edm.DateTimeOffset':
      return { kind: 'DateTime' };
    case 'Edm.TimeOfDay':
    case 'Edm.Time':
      return { kind: 'Time' };
    case 'Edm.Binary':
      return property.maxLength === undefined
        ? { kind: 'BinaryData' }
        : { kind: 'BinaryData', length: property.maxLength };
    default: {
      if (INTEGER_TYPES.has(type)) return { kind: 'Integer' };
      const members = enumTypes.get(type);
      if (members !== undefined) return { kind: 'Enum', enumValues: members };
      return { kind: 'Json', unsupported: true };
    }
  }
}
