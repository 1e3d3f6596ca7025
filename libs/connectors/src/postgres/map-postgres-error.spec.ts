import { ConnectorError, DataConstraintError, DataValidationError } from '../spi';
import { mapPostgresError } from './map-postgres-error';

const LABEL = 'db.example.com:5432';
const pgError = (code: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(`server text with secret values (${code})`), { code, ...fields });

describe('mapPostgresError', () => {
  it.each([
    ['28P01', 'CONNECTOR.AUTH_FAILED', false],
    ['3D000', 'CONNECTOR.DATABASE_NOT_FOUND', false],
    ['42501', 'CONNECTOR.PERMISSION_DENIED', false],
    ['42P01', 'CONNECTOR.TABLE_NOT_FOUND', false],
    ['57014', 'CONNECTOR.TIMEOUT', true],
    ['57P01', 'CONNECTOR.UNREACHABLE', true],
    ['53300', 'CONNECTOR.UNREACHABLE', true],
    ['08006', 'CONNECTOR.UNREACHABLE', true],
    ['ECONNREFUSED', 'CONNECTOR.UNREACHABLE', true],
    ['ENOTFOUND', 'CONNECTOR.UNREACHABLE', true],
    ['ETIMEDOUT', 'CONNECTOR.TIMEOUT', true],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'CONNECTOR.UNREACHABLE', false],
  ])(
    'given %s, when mapped, then it is %s (transient: %s) naming the server only',
    (code, expected, transient) => {
      const mapped = mapPostgresError(pgError(code), LABEL) as ConnectorError;
      expect(mapped).toBeInstanceOf(ConnectorError);
      expect(mapped).toMatchObject({ code: expected, transient });
      expect(mapped.message).toContain(LABEL);
      expect(mapped.message).not.toContain('secret');
    },
  );

  it("given pg's own texts, when mapped, then TLS refused, timeouts and lost connections are told apart", () => {
    expect(mapPostgresError(new Error('The server does not support SSL connections'), LABEL)).toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: false,
    });
    expect(
      mapPostgresError(new Error('Connection terminated due to connection timeout'), LABEL),
    ).toMatchObject({
      code: 'CONNECTOR.TIMEOUT',
    });
    expect(mapPostgresError(new Error('Connection terminated unexpectedly'), LABEL)).toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
  });

  it('given a duplicate key, when mapped, then DUPLICATE_KEY names the constraint and the columns, never the values', () => {
    const mapped = mapPostgresError(
      pgError('23505', {
        constraint: 'uq pair',
        detail: 'Key ("right key", "left")=(secret, 1) already exists.',
      }),
      LABEL,
    );
    expect(mapped).toBeInstanceOf(DataConstraintError);
    expect(mapped).toMatchObject({
      code: 'DATA.DUPLICATE_KEY',
      details: { constraint: 'uq pair', fields: ['right key', 'left'] },
    });
    expect((mapped as Error).message).not.toContain('secret');
  });

  it('given a foreign key, when the written row refers to nothing or a deleted row is referred to, then each has its code', () => {
    expect(
      mapPostgresError(
        pgError('23503', {
          constraint: 'album_artist_id_fkey',
          detail: 'Key (artist_id)=(9) is not present in table "artist".',
        }),
        LABEL,
      ),
    ).toMatchObject({ code: 'DATA.FOREIGN_KEY_VIOLATION', details: { fields: ['artist_id'] } });
    expect(
      mapPostgresError(
        pgError('23503', {
          constraint: 'album_artist_id_fkey',
          detail: 'Key (artist_id)=(1) is still referenced from table "album".',
        }),
        LABEL,
      ),
    ).toMatchObject({ code: 'DATA.ROW_REFERENCED', details: { referencingTable: 'album' } });
  });

  it('given a check, a not-null and an exclusion violation, when mapped, then each has its code', () => {
    expect(mapPostgresError(pgError('23514', { constraint: 'qty_small' }), LABEL)).toMatchObject({
      code: 'DATA.CHECK_VIOLATION',
      details: { constraint: 'qty_small' },
    });
    expect(mapPostgresError(pgError('23502', { column: 'name' }), LABEL)).toMatchObject({
      code: 'DATA.NOT_NULL_VIOLATION',
      details: { fields: ['name'] },
    });
    expect(mapPostgresError(pgError('23P01'), LABEL)).toMatchObject({ code: 'DATA.CONSTRAINT_VIOLATION' });
  });

  it('given a value its type refuses or a generated column written, when mapped, then it is a validation error', () => {
    expect(mapPostgresError(pgError('22P02'), LABEL)).toBeInstanceOf(DataValidationError);
    expect(
      mapPostgresError(
        Object.assign(new Error('cannot insert a non-DEFAULT value into column "twice"'), { code: '428C9' }),
        LABEL,
      ),
    ).toMatchObject({ code: 'DATA.READ_ONLY', fieldErrors: [{ field: 'twice' }] });
  });

  it('given an SQL error that is a bug, when mapped, then it is returned unchanged', () => {
    const syntax = pgError('42601');
    expect(mapPostgresError(syntax, LABEL)).toBe(syntax);
  });
});
