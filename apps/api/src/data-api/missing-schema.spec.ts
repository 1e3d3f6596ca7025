import { ConnectorError } from '@ib/connectors';
import { meansMissingSchema } from './missing-schema';

describe('an error that means the schema drifted', () => {
  it.each([
    ['SQLite, a missing column', new Error('no such column: email')],
    ['SQLite, a missing table', new Error('no such table: customers')],
    ['SQLite, an insert naming a missing column', new Error('table customers has no column named email')],
    ['MySQL, a missing column', Object.assign(new Error('Unknown column'), { code: 'ER_BAD_FIELD_ERROR' })],
    ['MySQL, a missing table', new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'A table does not exist')],
    ['SQL Server, an invalid column name', Object.assign(new Error('Invalid column name'), { number: 207 })],
  ])('is %s', (_, error) => expect(meansMissingSchema(error)).toBe(true));

  it.each([
    ['an unreachable server', new ConnectorError('CONNECTOR.UNREACHABLE', 'down', true)],
    ['a duplicate key', Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' })],
    ['anything else', 'no such column'],
  ])('is not %s', (_, error) => expect(meansMissingSchema(error)).toBe(false));
});
