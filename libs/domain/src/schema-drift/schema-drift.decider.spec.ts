import { DeciderSpecification } from '../shared/decider-specification';
import { type Attribute, type Entity } from '../shared/provider';
import { type LiveTable, compareSchema } from './schema-comparison';
import { type RecordDriftCheck } from './schema-drift.commands';
import { environmentDriftCheckDecider, schemaDriftDecider } from './schema-drift.decider';
import { type SchemaDriftEvent } from './schema-drift.events';
import { environmentDriftChecksStreamId, schemaDriftStreamId } from './schema-drift.stream';

const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const integrationId = 'i-1';
const environment = 'qa';

const attribute = (name: string, more: Partial<Attribute> = {}): Attribute => ({
  name,
  nativeType: 'varchar(45)',
  type: 'Text',
  length: 45,
  nullable: false,
  primaryKey: false,
  autoIncrement: false,
  ...more,
});

const customer: Entity = {
  name: 'Customer',
  table: 'customers',
  kind: 'table',
  primaryKey: ['id'],
  attributes: [
    attribute('id', { nativeType: 'int', type: 'Integer', length: undefined, primaryKey: true }),
    attribute('name'),
    attribute('email', { nullable: true }),
  ],
};

const liveOf = (entity: Entity): LiveTable => ({
  name: entity.table,
  kind: entity.kind,
  primaryKey: entity.primaryKey,
  columns: entity.attributes.map((column) => ({
    name: column.name,
    nativeType: column.nativeType,
    kind: column.type,
    nullable: column.nullable,
    autoIncrement: column.autoIncrement,
    ...(column.length !== undefined ? { length: column.length } : {}),
  })),
});
const inSync = liveOf(customer);
const withoutEmail: LiveTable = { ...inSync, columns: inSync.columns.filter(({ name }) => name !== 'email') };
const withNote: LiveTable = {
  ...inSync,
  columns: [
    ...inSync.columns,
    { name: 'note', nativeType: 'text', kind: 'Text', nullable: true, autoIncrement: false },
  ],
};

const apiKeys = [{ keyId: 'k-1', appName: 'shop', label: 'prod' }];

const check = (
  described: readonly LiveTable[],
  tables: readonly string[] = ['customers', 'orders'],
  version = 1,
): RecordDriftCheck => ({
  type: 'RecordDriftCheck',
  data: { integrationId, environment, version, entities: [customer], tables, described, apiKeys },
  metadata: { actorId: 'system', now },
});

const baseline = (tables: string[] = ['customers', 'orders'], version = 1): SchemaDriftEvent => ({
  type: 'SchemaDriftBaselineRecorded',
  data: { integrationId, environment, version, tables, recordedAt: at },
});

const detected = (
  described: readonly LiveTable[],
  newTables: string[] = [],
  version = 1,
): SchemaDriftEvent => {
  const differences = compareSchema([customer], described, newTables);
  const breaking = differences.filter((difference) => difference.breaking).length;
  return {
    type: 'SchemaDriftDetected',
    data: {
      integrationId,
      environment,
      version,
      differences,
      breaking,
      nonBreaking: differences.length - breaking,
      entities: differences.some(({ entity }) => entity) ? ['Customer'] : [],
      apiKeys,
      detectedAt: at,
    },
  };
};

const resolved = (wasBreaking: boolean, version = 1): SchemaDriftEvent => ({
  type: 'SchemaDriftResolved',
  data: { integrationId, environment, version, wasBreaking, resolvedAt: at },
});

const given = DeciderSpecification.for(schemaDriftDecider);

describe('Schema drift decider', () => {
  describe('RecordDriftCheck', () => {
    it('records the tables of the first check and nothing else when the database is as published', () =>
      given([])
        .when(check([inSync]))
        .then([baseline()]));

    it('records the first check and the drift it finds, with the entities and API keys affected', () =>
      given([])
        .when(check([withoutEmail]))
        .then([baseline(), detected([withoutEmail])]));

    it('reports no table as new on the first check', () =>
      given([])
        .when(check([inSync], ['customers', 'orders', 'audit']))
        .then([baseline(['audit', 'customers', 'orders'])]));

    it('appends nothing when a check finds the same drift again', () =>
      given([baseline(), detected([withoutEmail])])
        .when(check([withoutEmail]))
        .thenNothingHappens());

    it('appends nothing when a check finds the database still as published', () =>
      given([baseline()])
        .when(check([inSync]))
        .thenNothingHappens());

    it('records the drift anew when it changed, breaking or not', () =>
      given([baseline(), detected([withoutEmail])])
        .when(check([withNote]))
        .then([detected([withNote])]));

    it('reports a table the previous checks did not see as a new table, not breaking', () =>
      given([baseline()])
        .when(check([inSync], ['customers', 'orders', 'audit']))
        .then([detected([inSync], ['audit'])]));

    it('records the resolution of breaking drift once a check finds no difference', () =>
      given([baseline(), detected([withoutEmail])])
        .when(check([inSync]))
        .then([resolved(true)]));

    it('records the resolution of non-breaking drift as not breaking', () =>
      given([baseline(), detected([withNote])])
        .when(check([inSync]))
        .then([resolved(false)]));

    it('starts from the tables there are when another version is deployed, resolving what that version fixed', () =>
      given([baseline(), detected([inSync], ['audit'])])
        .when(check([inSync], ['audit', 'customers', 'orders'], 2))
        .then([baseline(['audit', 'customers', 'orders'], 2), resolved(false, 2)]));

    it('records drift that stands under another version again, for that version', () =>
      given([baseline(), detected([withoutEmail])])
        .when(check([withoutEmail], ['customers', 'orders'], 2))
        .then([baseline(['customers', 'orders'], 2), detected([withoutEmail], [], 2)]));
  });

  it('ignores an event type unknown to this version', () =>
    given([baseline(), { type: 'SomethingNew', data: {} } as never])
      .when(check([inSync]))
      .thenNothingHappens());

  it('names the streams after the integration and environment, and the environment', () => {
    expect(schemaDriftStreamId('i-1', 'qa')).toBe('schema-drift-i-1-qa');
    expect(environmentDriftChecksStreamId('qa')).toBe('drift-checks-qa');
  });
});

describe('Environment drift check decider', () => {
  it('records each check of an environment as a fact, with what it found', () =>
    DeciderSpecification.for(environmentDriftCheckDecider)([])
      .when({
        type: 'RecordEnvironmentDriftCheck',
        data: { environment, integrations: 2, breaking: 1, nonBreaking: 0, unreachable: 1 },
        metadata: { actorId: 'system', now },
      })
      .then([
        {
          type: 'EnvironmentDriftChecked',
          data: { environment, integrations: 2, breaking: 1, nonBreaking: 0, unreachable: 1, checkedAt: at },
        },
      ]));
});
