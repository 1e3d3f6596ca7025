import {
  type Attribute,
  type Entity,
  integrationStreamId,
  type IntegrationCreated,
  type IntegrationEvent,
} from '@ib/domain';
import { integrationsProjection, type IntegrationView } from './integrations.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../infrastructure/read-model/testing/projection-specification';

const integrationId = 'int-1';
const createdAt = '2025-03-04T05:06:07.000Z';
const later = '2025-03-05T08:00:00.000Z';

const attribute = (name: string, type: Attribute['type'] = 'Text'): Attribute => ({
  name,
  nativeType: type === 'Integer' ? 'INTEGER' : 'TEXT',
  type,
  nullable: false,
  primaryKey: name === 'Id',
  autoIncrement: false,
});
const entity = (name: string, attributes: Attribute[] = [attribute('Id', 'Integer')]): Entity => ({
  name,
  table: name,
  kind: 'table',
  primaryKey: ['Id'],
  attributes,
});

const created = (data: Partial<IntegrationCreated['data']> = {}): IntegrationEvent => ({
  type: 'IntegrationCreated',
  data: {
    integrationId,
    environment: 'dev',
    provider: 'sqlite',
    applicationName: 'Sales',
    moduleName: 'Sales_IS',
    description: 'Orders and invoices',
    createdBy: 'alice',
    createdAt,
    ...data,
  },
});
const entitiesAdded = (...entities: Entity[]): IntegrationEvent => ({
  type: 'IntegrationEntitiesAdded',
  data: { integrationId, entities, addedAt: later },
});

const draft: IntegrationView = {
  id: integrationId,
  environment: 'dev',
  provider: 'sqlite',
  applicationName: 'Sales',
  moduleName: 'Sales_IS',
  description: 'Orders and invoices',
  status: 'draft',
  entities: [],
  nullPolicy: 'preserve',
  createdBy: 'alice',
  createdAt,
  updatedAt: createdAt,
  version: 0,
  unpublishedChanges: true,
};

/** The integration's stream as the store records it: versions from 0, positions from 1. */
const history = (...events: IntegrationEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(integrationStreamId(integrationId), event));
};
const given = ProjectionSpecification.for(integrationsProjection);

describe('integrations projection', () => {
  it('shows a created integration as a draft without entities', () => {
    const [wasCreated] = history(created({ icon: 'cart' }));
    given([])
      .when(wasCreated)
      .then({ [integrationId]: { ...draft, icon: 'cart' } });
  });

  it('replaces the details, dropping an icon the change no longer carries', () => {
    const [wasCreated, detailsChanged] = history(created({ icon: 'cart' }), {
      type: 'IntegrationDetailsChanged',
      data: {
        integrationId,
        applicationName: 'Shop',
        moduleName: 'Shop_IS',
        description: '',
        changedAt: later,
      },
    });
    given([wasCreated])
      .when(detailsChanged)
      .then({
        [integrationId]: {
          ...draft,
          applicationName: 'Shop',
          moduleName: 'Shop_IS',
          description: '',
          updatedAt: later,
          version: 1,
        },
      });
  });

  it('shows the default null policy until one is chosen, then the one chosen', () => {
    const [wasCreated, chosen] = history(created(), {
      type: 'IntegrationNullPolicyChosen',
      data: { integrationId, nullPolicy: 'overwrite', chosenAt: later },
    });
    given([wasCreated])
      .when(chosen)
      .then({ [integrationId]: { ...draft, nullPolicy: 'overwrite', updatedAt: later, version: 1 } });
  });

  it('records the selected connection and database', () => {
    const [wasCreated, connectionSelected, databaseSelected] = history(
      created(),
      {
        type: 'IntegrationConnectionSelected',
        data: { integrationId, connectionId: 'conn-1', selectedAt: later },
      },
      {
        type: 'IntegrationDatabaseSelected',
        data: { integrationId, database: 'chinook', selectedAt: later },
      },
    );
    given([wasCreated])
      .when(connectionSelected, databaseSelected)
      .then({
        [integrationId]: {
          ...draft,
          connectionId: 'conn-1',
          database: 'chinook',
          updatedAt: later,
          version: 2,
        },
      });
  });

  it('records the specification an integration is built from, by its SHA-256', () => {
    const [wasCreated, uploaded] = history(created({ provider: 'odata' }), {
      type: 'IntegrationSpecificationUploaded',
      data: { integrationId, specificationId: 'a1b2', entitySets: 5, uploadedAt: later },
    });
    given([wasCreated])
      .when(uploaded)
      .then({
        [integrationId]: {
          ...draft,
          provider: 'odata',
          specificationId: 'a1b2',
          updatedAt: later,
          version: 1,
        },
      });
  });

  it('adds new tables last and replaces a re-added table in place', () => {
    const albumWithTitle = entity('Album', [attribute('Id', 'Integer'), attribute('Title')]);
    const [wasCreated, firstTables, moreTables] = history(
      created(),
      entitiesAdded(entity('Album'), entity('Artist')),
      entitiesAdded(entity('Track'), albumWithTitle),
    );
    given([wasCreated, firstTables])
      .when(moreTables)
      .then({
        [integrationId]: {
          ...draft,
          entities: [albumWithTitle, entity('Artist'), entity('Track')],
          updatedAt: later,
          version: 2,
        },
      });
  });

  it('removes an entity by name', () => {
    const [wasCreated, tablesAdded, entityRemoved] = history(
      created(),
      entitiesAdded(entity('Album'), entity('Artist')),
      { type: 'IntegrationEntityRemoved', data: { integrationId, name: 'Album', removedAt: later } },
    );
    given([wasCreated, tablesAdded])
      .when(entityRemoved)
      .then({ [integrationId]: { ...draft, entities: [entity('Artist')], updatedAt: later, version: 2 } });
  });

  it('marks an integration converted to open', () => {
    const [wasCreated, converted] = history(created(), {
      type: 'IntegrationConvertedToOpen',
      data: { integrationId, convertedAt: later },
    });
    given([wasCreated])
      .when(converted)
      .then({ [integrationId]: { ...draft, status: 'open', updatedAt: later, version: 1 } });
  });

  describe('publishing', () => {
    const record = eventRecorder();
    const stream = integrationStreamId(integrationId);
    const [wasCreated, tablesAdded] = [created(), entitiesAdded(entity('Album'))].map((event) =>
      record(stream, event),
    );
    const publishedAs = (version: number, integrationVersion: number) =>
      record(`publication-pub-${version}`, {
        type: 'IntegrationPublished',
        data: {
          publicationId: `pub-${version}`,
          integrationId,
          integrationVersion,
          version,
          environment: 'dev',
          packageHash: 'sha256:abc',
          publishedAt: later,
        },
      });
    const v1 = publishedAs(1, 1);
    const withAlbum = { ...draft, entities: [entity('Album')], updatedAt: later, version: 1 };

    it('shows the published version, with no unpublished changes, keeping the ETag', () =>
      given([wasCreated, tablesAdded])
        .when(v1)
        .then({
          [integrationId]: {
            ...withAlbum,
            publishedVersion: 1,
            publishedIntegrationVersion: 1,
            unpublishedChanges: false,
          },
        }));

    it('shows a new draft on top of the published version once a table is added', () => {
      const more = record(stream, entitiesAdded(entity('Artist')));
      given([wasCreated, tablesAdded, v1])
        .when(more)
        .then({
          [integrationId]: {
            ...withAlbum,
            entities: [entity('Album'), entity('Artist')],
            version: 2,
            publishedVersion: 1,
            publishedIntegrationVersion: 1,
            unpublishedChanges: true,
          },
        });
    });

    it('keeps the newest published version when an older one is reported later', () =>
      given([wasCreated, tablesAdded, publishedAs(2, 1)])
        .when(publishedAs(1, 1))
        .then({
          [integrationId]: {
            ...withAlbum,
            publishedVersion: 2,
            publishedIntegrationVersion: 1,
            unpublishedChanges: false,
          },
        }));
  });

  it('shows nothing for changes to an integration it never saw created', () => {
    const [converted] = history({
      type: 'IntegrationConvertedToOpen',
      data: { integrationId, convertedAt: later },
    });
    given([]).when(converted).then({});
  });

  it('leaves a document as it is for events of other aggregates', () => {
    const connectionDeleted = eventRecorder()('connection-conn-1', {
      type: 'ConnectionDeleted',
      data: { connectionId: 'conn-1', deletedBy: 'root', deletedAt: later },
    });
    expect(integrationsProjection.handles).not.toContain('ConnectionDeleted');
    expect(integrationsProjection.evolve(draft, connectionDeleted)).toBe(draft);
  });
});
