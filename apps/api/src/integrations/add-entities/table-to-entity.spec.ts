import { type ColumnInfo, type TableInfo } from '@ib/connectors';
import { tableToEntity } from './table-to-entity';

const column = (name: string, more: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: 'INTEGER',
  kind: 'Integer',
  nullable: false,
  autoIncrement: false,
  ...more,
});

const table = (columns: ColumnInfo[]): TableInfo => ({
  schema: 'main',
  name: 'order lines',
  kind: 'table',
  columns,
  primaryKey: ['id'],
  foreignKeys: [],
  indexes: [],
});

describe('tableToEntity', () => {
  it('given a computed column and one of an unmapped type, when made an entity, then its attributes keep both marks', () => {
    const entity = tableToEntity(
      table([
        column('id', { autoIncrement: true }),
        column('total', { nativeType: 'REAL', kind: 'Decimal', nullable: true, generated: true }),
        column('span', {
          nativeType: 'INTERVAL DAY TO SECOND',
          kind: 'Text',
          unsupported: true,
          generated: true,
        }),
      ]),
    );
    expect(entity.name).toBe('order_lines');
    expect(entity.attributes).toEqual([
      {
        name: 'id',
        nativeType: 'INTEGER',
        type: 'Integer',
        nullable: false,
        primaryKey: true,
        autoIncrement: true,
      },
      {
        name: 'total',
        nativeType: 'REAL',
        type: 'Decimal',
        nullable: true,
        primaryKey: false,
        autoIncrement: false,
        generated: true,
      },
      {
        name: 'span',
        nativeType: 'INTERVAL DAY TO SECOND',
        type: 'Text',
        nullable: false,
        primaryKey: false,
        autoIncrement: false,
        generated: true,
        unsupported: true,
      },
    ]);
  });

  it('given columns marked false, when made an entity, then the marks are absent (as on attributes added before them)', () => {
    const [attribute] = tableToEntity(
      table([column('id', { generated: false, unsupported: false })]),
    ).attributes;
    expect(attribute).not.toHaveProperty('generated');
    expect(attribute).not.toHaveProperty('unsupported');
  });
});
