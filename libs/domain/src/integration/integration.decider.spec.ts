import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type Attribute, type AttributeType, type Entity } from '../shared/provider';
import {
  type AddEntities,
  type ChangeIntegrationDetails,
  type ChooseNullPolicy,
  type ConvertToOpen,
  type CreateIntegration,
  type IntegrationCommand,
  type RemoveEntity,
  type RenameEntity,
  type SelectConnection,
  type SelectDatabase,
  type UploadIntegrationSpecification,
} from './integration.commands';
import { integrationDecider } from './integration.decider';
import { integrationModuleName } from './integration.details';
import { type IntegrationCreated, type IntegrationEvent } from './integration.events';
import { type NullPolicy } from './integration.null-policy';
import { integrationStreamId } from './integration.stream';

const integrationId = 'int-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'alice', now };

const attribute = (name: string, type: AttributeType = 'Text', nativeType = 'TEXT'): Attribute => ({
  name,
  nativeType,
  type,
  nullable: true,
  primaryKey: false,
  autoIncrement: false,
});
const id = attribute('Id', 'Integer', 'INTEGER');
const entity = (name: string, attributes: Attribute[] = [id], table = name): Entity => ({
  name,
  table,
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
    description: '',
    createdBy: 'alice',
    createdAt: at,
    ...data,
  },
});
const connectionSelected = (connectionId = 'conn-1'): IntegrationEvent => ({
  type: 'IntegrationConnectionSelected',
  data: { integrationId, connectionId, selectedAt: at },
});
const specificationUploaded = (specificationId = 'sha-1', entitySets = 3): IntegrationEvent => ({
  type: 'IntegrationSpecificationUploaded',
  data: { integrationId, specificationId, entitySets, uploadedAt: at },
});
const uploadSpecification = (specificationId = 'sha-1', entitySets = 3): UploadIntegrationSpecification => ({
  type: 'UploadIntegrationSpecification',
  data: { integrationId, specificationId, entitySets },
  metadata,
});
const databaseSelected = (database = 'chinook'): IntegrationEvent => ({
  type: 'IntegrationDatabaseSelected',
  data: { integrationId, database, selectedAt: at },
});
const entitiesAdded = (...entities: Entity[]): IntegrationEvent => ({
  type: 'IntegrationEntitiesAdded',
  data: { integrationId, entities, addedAt: at },
});
const entityRemoved = (name: string): IntegrationEvent => ({
  type: 'IntegrationEntityRemoved',
  data: { integrationId, name, removedAt: at },
});
const nullPolicyChosen = (nullPolicy: NullPolicy): IntegrationEvent => ({
  type: 'IntegrationNullPolicyChosen',
  data: { integrationId, nullPolicy, chosenAt: at },
});
const convertedToOpen: IntegrationEvent = {
  type: 'IntegrationConvertedToOpen',
  data: { integrationId, convertedAt: at },
};

const createIntegration = (data: Partial<CreateIntegration['data']> = {}): CreateIntegration => ({
  type: 'CreateIntegration',
  data: { integrationId, environment: 'dev', provider: 'sqlite', applicationName: 'Sales', ...data },
  metadata,
});
const changeDetails = (data: Partial<ChangeIntegrationDetails['data']> = {}): ChangeIntegrationDetails => ({
  type: 'ChangeIntegrationDetails',
  data: { integrationId, applicationName: 'Sales', moduleName: 'Sales_IS', description: '', ...data },
  metadata,
});
const selectConnection = (data: Partial<SelectConnection['data']> = {}): SelectConnection => ({
  type: 'SelectConnection',
  data: {
    integrationId,
    connectionId: 'conn-1',
    connectionProvider: 'sqlite',
    connectionEnvironment: 'dev',
    ...data,
  },
  metadata,
});
const selectDatabase = (database: string): SelectDatabase => ({
  type: 'SelectDatabase',
  data: { integrationId, database },
  metadata,
});
const addEntities = (...entities: Entity[]): AddEntities => ({
  type: 'AddEntities',
  data: { integrationId, entities },
  metadata,
});
const removeEntity = (name: string): RemoveEntity => ({
  type: 'RemoveEntity',
  data: { integrationId, name },
  metadata,
});
const renameEntity = (name: string, newName: string): RenameEntity => ({
  type: 'RenameEntity',
  data: { integrationId, name, newName },
  metadata,
});
const chooseNullPolicy = (nullPolicy: NullPolicy): ChooseNullPolicy => ({
  type: 'ChooseNullPolicy',
  data: { integrationId, nullPolicy },
  metadata,
});
const convertToOpen = (): ConvertToOpen => ({ type: 'ConvertToOpen', data: { integrationId }, metadata });

const withDatabase = [created(), connectionSelected(), databaseSelected('chinook')];
const given = DeciderSpecification.for(integrationDecider);

describe('Integration decider', () => {
  describe('CreateIntegration', () => {
    it('creates a draft with the default module name and an empty description', () =>
      given([])
        .when(createIntegration({ applicationName: '  Sales  ' }))
        .then([created()]));

    it('keeps a given module name, description and icon', () =>
      given([])
        .when(createIntegration({ moduleName: 'SalesModule', description: 'Orders', icon: 'cart' }))
        .then([created({ moduleName: 'SalesModule', description: 'Orders', icon: 'cart' })]));

    it.each<NullPolicy>(['overwrite', 'preserve'])(
      "records the null policy the developer chose ('%s') beside the creation",
      (nullPolicy) =>
        given([])
          .when(createIntegration({ nullPolicy }))
          .then([created(), nullPolicyChosen(nullPolicy)]),
    );

    it('refuses a null policy it does not know, naming the field', () =>
      given([])
        .when(createIntegration({ nullPolicy: 'ignore' as never }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('nullPolicy')));

    it('refuses to create the same integration twice', () =>
      given([created()])
        .when(createIntegration())
        .thenThrows(IllegalStateError, 'INTEGRATION.ALREADY_EXISTS'));

    it('names every invalid field', () => {
      given([])
        .when(
          createIntegration({
            applicationName: ' ',
            moduleName: '1st',
            description: 'x'.repeat(2001),
            provider: 'db2' as never,
            environment: '',
          }),
        )
        .thenThrows(
          ValidationError,
          'INTEGRATION.INVALID',
          invalidFields('applicationName', 'moduleName', 'description', 'provider', 'environment'),
        );
    });

    it('limits the application name to 100 characters', () =>
      given([])
        .when(createIntegration({ applicationName: 'a'.repeat(101) }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it('limits the module name to 100 characters', () =>
      given([])
        .when(createIntegration({ moduleName: 'm'.repeat(101) }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it.each([
      ['NUL', 'Sa\u0000les'],
      ['a line break', 'Sa\nles'],
      ['a right-to-left override', 'Sales\u202Exslx.exe'],
      ['a lone surrogate', 'Sales \uD800'],
    ])('refuses an application name with %s, naming the field', (_, applicationName) =>
      given([])
        .when(createIntegration({ applicationName }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('applicationName')),
    );

    it('keeps line breaks in a description', () =>
      given([])
        .when(createIntegration({ description: 'Orders\nand returns' }))
        .then([created({ description: 'Orders\nand returns' })]));

    it.each([
      ['a control character', 'Orders\u0007'],
      ['a bidi isolate', 'Orders \u2066x\u2069'],
    ])('refuses a description with %s, naming the field', (_, description) =>
      given([])
        .when(createIntegration({ description }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('description')),
    );
  });

  describe('integrationModuleName', () => {
    it.each([
      ['Sales', 'Sales_IS'],
      ['Sales App', 'Sales_App_IS'],
      ['Café-CRM', 'Caf__CRM_IS'],
      ['3D Shop', '_3D_Shop_IS'],
    ])('names the module of %p %p', (applicationName, moduleName) =>
      expect(integrationModuleName(applicationName)).toBe(moduleName),
    );

    it('keeps the default within the module name rule for the longest application name', () =>
      expect(integrationModuleName('a'.repeat(100))).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,96}_IS$/));
  });

  describe('ChangeIntegrationDetails', () => {
    it('changes the details', () =>
      given([created()])
        .when(
          changeDetails({ applicationName: 'Orders', moduleName: 'Orders_IS', description: 'All orders' }),
        )
        .then([
          {
            type: 'IntegrationDetailsChanged',
            data: {
              integrationId,
              applicationName: 'Orders',
              moduleName: 'Orders_IS',
              description: 'All orders',
              changedAt: at,
            },
          },
        ]));

    it('falls back to the default module name when it is left empty', () =>
      given([created()])
        .when(changeDetails({ applicationName: 'Orders', moduleName: '' }))
        .then([
          {
            type: 'IntegrationDetailsChanged',
            data: {
              integrationId,
              applicationName: 'Orders',
              moduleName: 'Orders_IS',
              description: '',
              changedAt: at,
            },
          },
        ]));

    it('records nothing when the details are unchanged', () =>
      given([created()]).when(changeDetails()).thenNothingHappens());

    it('forgets a removed icon', () =>
      given([
        created({ icon: 'cart' }),
        {
          type: 'IntegrationDetailsChanged',
          data: {
            integrationId,
            applicationName: 'Sales',
            moduleName: 'Sales_IS',
            description: '',
            changedAt: at,
          },
        },
      ])
        .when(changeDetails())
        .thenNothingHappens());

    it('validates the details like create', () =>
      given([created()])
        .when(changeDetails({ applicationName: '', moduleName: 'not valid' }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it('refuses control characters in the new application name and description', () =>
      given([created()])
        .when(changeDetails({ applicationName: 'Sales\tEU', description: 'EU \u202Eorders' }))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('applicationName', 'description')));
  });

  describe('SelectConnection', () => {
    it('selects a connection of the same provider and environment', () =>
      given([created()])
        .when(selectConnection())
        .then([connectionSelected('conn-1')]));

    it('switches to another connection', () =>
      given([created(), connectionSelected('conn-1')])
        .when(selectConnection({ connectionId: 'conn-2' }))
        .then([connectionSelected('conn-2')]));

    it('only attaches connections of the integration provider', () =>
      given([created()])
        .when(selectConnection({ connectionProvider: 'mysql' }))
        .thenThrows(IllegalStateError, 'INTEGRATION.PROVIDER_MISMATCH'));

    it('only attaches connections of the integration environment', () =>
      given([created()])
        .when(selectConnection({ connectionEnvironment: 'qa' }))
        .thenThrows(IllegalStateError, 'INTEGRATION.CONNECTION_ENVIRONMENT_MISMATCH'));

    it('records nothing when the same connection is selected again', () =>
      given([created(), connectionSelected('conn-1')])
        .when(selectConnection())
        .thenNothingHappens());
  });

  describe('UploadIntegrationSpecification', () => {
    const odata = created({ provider: 'odata' });

    it('records the specification an OData integration is built from while no connection exists', () =>
      given([odata]).when(uploadSpecification()).then([specificationUploaded()]));

    it('replaces the specification with another document', () =>
      given([odata, specificationUploaded('sha-1')])
        .when(uploadSpecification('sha-2', 5))
        .then([specificationUploaded('sha-2', 5)]));

    it('records nothing when the same document is uploaded again', () =>
      given([odata, specificationUploaded('sha-1')])
        .when(uploadSpecification('sha-1'))
        .thenNothingHappens());

    it('refuses a specification for a provider that is built from a connection', () =>
      given([created({ provider: 'mysql' })])
        .when(uploadSpecification())
        .thenThrows(IllegalStateError, 'INTEGRATION.SPECIFICATION_NOT_SUPPORTED'));

    it('refuses an unknown integration and one converted to open', () => {
      given([]).when(uploadSpecification()).thenThrows(NotFoundError, 'INTEGRATION.NOT_FOUND');
      given([odata, convertedToOpen])
        .when(uploadSpecification())
        .thenThrows(IllegalStateError, 'INTEGRATION.OPEN_LOCKED');
    });

    it('lets the database be selected from the specification, without a connection', () =>
      given([odata, specificationUploaded()])
        .when(selectDatabase('CatalogService'))
        .then([databaseSelected('CatalogService')]));
  });

  describe('SelectDatabase', () => {
    it('selects a database', () =>
      given([created(), connectionSelected()])
        .when(selectDatabase('chinook'))
        .then([databaseSelected('chinook')]));

    it('needs a connection first', () =>
      given([created()])
        .when(selectDatabase('chinook'))
        .thenThrows(IllegalStateError, 'INTEGRATION.CONNECTION_NOT_SELECTED'));

    it('requires a database name', () => {
      given([created(), connectionSelected()])
        .when(selectDatabase('  '))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', (error) =>
          expect(error.fieldErrors).toEqual([{ field: 'database', message: 'is required' }]),
        );
    });

    it('keeps one database per integration', () =>
      given([...withDatabase, entitiesAdded(entity('Album'))])
        .when(selectDatabase('sakila'))
        .thenThrows(IllegalStateError, 'INTEGRATION.ONE_DATABASE'));

    it('changes the database while no entity uses it', () =>
      given(withDatabase)
        .when(selectDatabase('sakila'))
        .then([databaseSelected('sakila')]));

    it('changes the database once every entity is removed', () =>
      given([...withDatabase, entitiesAdded(entity('Album')), entityRemoved('Album')])
        .when(selectDatabase('sakila'))
        .then([databaseSelected('sakila')]));

    it('records nothing when the same database is selected again', () =>
      given([...withDatabase, entitiesAdded(entity('Album'))])
        .when(selectDatabase('chinook'))
        .thenNothingHappens());
  });

  describe('AddEntities', () => {
    const album = entity('Album', [id, attribute('Title')]);

    it('adds tables as entities', () =>
      given(withDatabase)
        .when(addEntities(album, entity('Artist')))
        .then([entitiesAdded(album, entity('Artist'))]));

    it('needs a database first', () =>
      given([created(), connectionSelected()])
        .when(addEntities(album))
        .thenThrows(IllegalStateError, 'INTEGRATION.DATABASE_NOT_SELECTED'));

    it('refuses an empty list', () =>
      given(withDatabase).when(addEntities()).thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it('refuses two entities with the same name', () => {
      given(withDatabase)
        .when(addEntities(entity('Album'), entity('Album', [id], 'Albums')))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('entities[1].name'));
    });

    it('refuses a name already used by the entity of another table', () =>
      given([...withDatabase, entitiesAdded(entity('Album'))])
        .when(addEntities(entity('Album', [id], 'Albums')))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it('refuses the same table twice in one command', () =>
      given(withDatabase)
        .when(addEntities(entity('Album'), entity('Record', [id], 'Album')))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID'));

    it('refuses an entity without a name or table', () => {
      given(withDatabase)
        .when(addEntities(entity('', [id], '')))
        .thenThrows(
          ValidationError,
          'INTEGRATION.INVALID',
          invalidFields('entities[0].name', 'entities[0].table'),
        );
    });

    it('records nothing when the tables are already entities and unchanged', () =>
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities(album))
        .thenNothingHappens());

    it('records only the new entities', () =>
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities(album, entity('Artist')))
        .then([entitiesAdded(entity('Artist'))]));

    it('does not rename an entity', () =>
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities({ ...album, name: 'Record' }))
        .thenThrows(IllegalStateError, 'INTEGRATION.ENTITY_RENAME'));

    it("does not change an attribute's data type", () =>
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities(entity('Album', [id, attribute('Title', 'Integer', 'TEXT')])))
        .thenThrows(IllegalStateError, 'INTEGRATION.ATTRIBUTE_TYPE_CHANGE'));

    it('adds new attributes to an existing entity', () => {
      const withYear = entity('Album', [id, attribute('Title'), attribute('Year', 'Integer', 'INTEGER')]);
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities(withYear))
        .then([entitiesAdded(withYear)]);
    });

    it('records a changed native type that keeps the data type', () => {
      const wider = entity('Album', [id, attribute('Title', 'Text', 'VARCHAR(500)')]);
      given([...withDatabase, entitiesAdded(album)])
        .when(addEntities(wider))
        .then([entitiesAdded(wider)]);
    });

    it('records a column that became computed, or is re-added with its marks, so writes to it are refused', () => {
      const computed = entity('Album', [id, attribute('Title'), { ...attribute('Slug'), generated: true }]);
      const plain = entity('Album', [id, attribute('Title'), attribute('Slug')]);
      given([...withDatabase, entitiesAdded(plain)])
        .when(addEntities(computed))
        .then([entitiesAdded(computed)]);
    });

    it('records nothing when a re-added table keeps its marks', () => {
      const marked = entity('Album', [
        id,
        { ...attribute('Shape', 'Json', 'SDO_GEOMETRY'), unsupported: true },
      ]);
      given([...withDatabase, entitiesAdded(marked)])
        .when(addEntities(marked))
        .thenNothingHappens();
    });

    it('compares a re-added table with its latest attributes', () => {
      const withYear = entity('Album', [id, attribute('Title'), attribute('Year', 'Integer', 'INTEGER')]);
      given([...withDatabase, entitiesAdded(album), entitiesAdded(withYear)])
        .when(addEntities(withYear))
        .thenNothingHappens();
    });

    it('adds a removed entity again', () =>
      given([...withDatabase, entitiesAdded(album), entityRemoved('Album')])
        .when(addEntities(album))
        .then([entitiesAdded(album)]));

    describe('on top of a published version', () => {
      const onTopOf = (published: Entity[], ...entities: Entity[]): AddEntities => ({
        ...addEntities(...entities),
        data: { integrationId, entities, publishedEntities: published },
      });

      it('adds tables to a new draft', () =>
        given([...withDatabase, entitiesAdded(album)])
          .when(onTopOf([album], album, entity('Artist')))
          .then([entitiesAdded(entity('Artist'))]));

      it('refuses to change the type of a published attribute, even of a table removed since', () =>
        given([...withDatabase, entitiesAdded(album), entityRemoved('Album')])
          .when(onTopOf([album], entity('Album', [id, attribute('Title', 'Integer', 'INTEGER')])))
          .thenThrows(IllegalStateError, 'INTEGRATION.ATTRIBUTE_TYPE_CHANGE'));

      it('refuses to give a published table another entity name, even after removing it', () =>
        given([...withDatabase, entitiesAdded(album), entityRemoved('Album')])
          .when(onTopOf([album], { ...album, name: 'Record' }))
          .thenThrows(IllegalStateError, 'INTEGRATION.ENTITY_RENAME'));
    });
  });

  describe('RemoveEntity', () => {
    it('removes an entity', () =>
      given([...withDatabase, entitiesAdded(entity('Album'))])
        .when(removeEntity('Album'))
        .then([entityRemoved('Album')]));

    it('refuses an unknown entity', () =>
      given([...withDatabase, entitiesAdded(entity('Album')), entityRemoved('Album')])
        .when(removeEntity('Album'))
        .thenThrows(NotFoundError, 'INTEGRATION.ENTITY_NOT_FOUND'));
  });

  describe('RenameEntity', () => {
    it('never renames an entity', () =>
      given([...withDatabase, entitiesAdded(entity('Album'))])
        .when(renameEntity('Album', 'Record'))
        .thenThrows(IllegalStateError, 'INTEGRATION.ENTITY_RENAME'));
  });

  describe('ChooseNullPolicy', () => {
    it("switches a draft from the default 'preserve' to 'overwrite'", () =>
      given([created()])
        .when(chooseNullPolicy('overwrite'))
        .then([nullPolicyChosen('overwrite')]));

    it('switches back to preserve', () =>
      given([created(), nullPolicyChosen('overwrite')])
        .when(chooseNullPolicy('preserve'))
        .then([nullPolicyChosen('preserve')]));

    it('records nothing when the policy is already the one in force, the default included', () => {
      given([created()]).when(chooseNullPolicy('preserve')).then([]);
      given([created(), nullPolicyChosen('overwrite')])
        .when(chooseNullPolicy('overwrite'))
        .then([]);
    });

    it('refuses a policy it does not know, naming the field', () =>
      given([created()])
        .when(chooseNullPolicy('nullify' as never))
        .thenThrows(ValidationError, 'INTEGRATION.INVALID', invalidFields('nullPolicy')));
  });

  describe('ConvertToOpen', () => {
    it('converts the integration to open', () =>
      given(withDatabase).when(convertToOpen()).then([convertedToOpen]));
  });

  const builderCommands: [string, IntegrationCommand][] = [
    ['ChangeIntegrationDetails', changeDetails({ applicationName: 'Orders' })],
    ['SelectConnection', selectConnection({ connectionId: 'conn-2' })],
    ['SelectDatabase', selectDatabase('sakila')],
    ['AddEntities', addEntities(entity('Artist'))],
    ['RemoveEntity', removeEntity('Album')],
    ['RenameEntity', renameEntity('Album', 'Record')],
    ['ChooseNullPolicy', chooseNullPolicy('overwrite')],
    ['ConvertToOpen', convertToOpen()],
  ];

  it.each(builderCommands)('refuses %s on a missing integration', (_, when) =>
    given([]).when(when).thenThrows(NotFoundError, 'INTEGRATION.NOT_FOUND'),
  );

  it.each(builderCommands)('locks the builder out of an open integration: %s', (_, when) =>
    given([...withDatabase, entitiesAdded(entity('Album')), convertedToOpen])
      .when(when)
      .thenThrows(IllegalStateError, 'INTEGRATION.OPEN_LOCKED'),
  );

  describe('evolve', () => {
    it('folds the history into the current draft', () => {
      const album = entity('Album');
      const albumWithTitle = entity('Album', [id, attribute('Title')]);
      expect(
        fold(integrationDecider, [
          created({ icon: 'cart' }),
          connectionSelected(),
          databaseSelected(),
          entitiesAdded(album, entity('Artist')),
          entitiesAdded(entity('Track'), albumWithTitle),
          entityRemoved('Artist'),
        ]),
      ).toEqual({
        status: 'draft',
        integrationId,
        environment: 'dev',
        provider: 'sqlite',
        applicationName: 'Sales',
        moduleName: 'Sales_IS',
        description: '',
        icon: 'cart',
        connectionId: 'conn-1',
        database: 'chinook',
        entities: [albumWithTitle, entity('Track')],
        nullPolicy: 'preserve',
      });
    });

    it('keeps the null policy last chosen, the default until one is', () => {
      expect(fold(integrationDecider, [created()])).toMatchObject({ nullPolicy: 'preserve' });
      expect(
        fold(integrationDecider, [created(), nullPolicyChosen('overwrite'), entitiesAdded(entity('Album'))]),
      ).toMatchObject({ nullPolicy: 'overwrite' });
    });

    it('keeps the data of an integration converted to open', () =>
      expect(fold(integrationDecider, [...withDatabase, convertedToOpen])).toMatchObject({
        status: 'open',
        database: 'chinook',
      }));

    it('ignores facts about an integration that was never created', () =>
      expect(fold(integrationDecider, [databaseSelected(), convertedToOpen])).toEqual({ status: 'none' }));
  });

  it('names the stream after the integration id', () =>
    expect(integrationStreamId('abc')).toBe('integration-abc'));
});
