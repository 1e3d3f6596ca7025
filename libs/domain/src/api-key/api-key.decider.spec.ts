import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type CreateApiKey, type RevokeApiKey } from './api-key.commands';
import { apiKeyDecider, isActiveApiKey } from './api-key.decider';
import { type ApiKeyCreated, type ApiKeyEvent, type ApiKeyRevoked } from './api-key.events';
import { apiKeyStreamId } from './api-key.stream';
import { type ApiKeyScope, reachInto, scopeRefusal } from './api-key-scope';

const keyId = 'key-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };

const createApiKey = (data: Partial<CreateApiKey['data']> = {}): CreateApiKey => ({
  type: 'CreateApiKey',
  data: { keyId, environment: 'qa', appName: 'Warehouse app', label: 'CI pipeline', hint: 'Ab3_', ...data },
  metadata,
});
const revokeApiKey = (data: Partial<RevokeApiKey['data']> = {}): RevokeApiKey => ({
  type: 'RevokeApiKey',
  data: { keyId, environment: 'qa', ...data },
  metadata,
});

const apiKeyCreated = (data: Partial<ApiKeyCreated['data']> = {}): ApiKeyEvent => ({
  type: 'ApiKeyCreated',
  data: {
    keyId,
    environment: 'qa',
    appName: 'Warehouse app',
    label: 'CI pipeline',
    hint: 'Ab3_',
    createdBy: 'admin',
    createdAt: at,
    ...data,
  },
});
const apiKeyRevoked = (data: Partial<ApiKeyRevoked['data']> = {}): ApiKeyEvent => ({
  type: 'ApiKeyRevoked',
  data: { keyId, environment: 'qa', revokedBy: 'admin', revokedAt: at, ...data },
});

const given = DeciderSpecification.for(apiKeyDecider);
const state = (events: readonly ApiKeyEvent[]) => fold(apiKeyDecider, events);

describe('API key decider', () => {
  describe('CreateApiKey', () => {
    it('creates a key for an app in an environment', () =>
      given([]).when(createApiKey()).then([apiKeyCreated()]));

    it('trims the app name and the label', () =>
      given([])
        .when(createApiKey({ appName: '  Warehouse app ', label: ' CI pipeline  ' }))
        .then([apiKeyCreated()]));

    it('records an empty label when none is given', () =>
      given([])
        .when(createApiKey({ label: undefined }))
        .then([apiKeyCreated({ label: '' })]));

    it('accepts an app name of 100 and a label of 200 characters', () =>
      given([])
        .when(createApiKey({ appName: 'a'.repeat(100), label: 'l'.repeat(200) }))
        .then([apiKeyCreated({ appName: 'a'.repeat(100), label: 'l'.repeat(200) })]));

    it('refuses a key id that already exists, active or revoked', () => {
      given([apiKeyCreated()]).when(createApiKey()).thenThrows(IllegalStateError, 'API_KEY.ALREADY_EXISTS');
      given([apiKeyCreated(), apiKeyRevoked()])
        .when(createApiKey())
        .thenThrows(IllegalStateError, 'API_KEY.ALREADY_EXISTS');
    });

    it('refuses a blank app name', () =>
      given([])
        .when(createApiKey({ appName: '   ' }))
        .thenThrows(ValidationError, 'API_KEY.INVALID', invalidFields('appName')));

    it('refuses an app name that is not text', () =>
      given([])
        .when(createApiKey({ appName: 42 as never }))
        .thenThrows(ValidationError, 'API_KEY.INVALID', invalidFields('appName')));

    it('names every invalid field', () =>
      given([])
        .when(
          createApiKey({
            keyId: '',
            environment: ' ',
            appName: 'a'.repeat(101),
            label: 'l'.repeat(201),
            hint: 'abc',
          }),
        )
        .thenThrows(
          ValidationError,
          'API_KEY.INVALID',
          invalidFields('keyId', 'environment', 'appName', 'label', 'hint'),
        ));

    it.each([
      ['NUL', { appName: 'Shop\u0000' }, 'appName'],
      ['a line break', { appName: 'Shop\nfront' }, 'appName'],
      ['a bidi isolate', { label: 'prod \u2067key\u2069' }, 'label'],
      ['a tab', { label: 'prod\tkey' }, 'label'],
    ])('refuses an app name or label with %s, naming the field', (_, data, field) =>
      given([]).when(createApiKey(data)).thenThrows(ValidationError, 'API_KEY.INVALID', invalidFields(field)),
    );

    it('refuses a hint longer than 4 characters, so no more of the key enters the log', () =>
      given([])
        .when(createApiKey({ hint: 'Ab3_x' }))
        .thenThrows(ValidationError, 'API_KEY.INVALID', invalidFields('hint')));
  });

  describe('CreateApiKey with a scope', () => {
    const shop = '0190a000-0000-7000-8000-0000000000a1';
    const crm = '0190a000-0000-7000-8000-0000000000a2';

    it('records a key limited to integrations, some of their entities, and reads', () => {
      const scope: ApiKeyScope = {
        integrations: [shop, crm],
        entities: [{ integrationId: shop, entity: 'Customers' }],
        readOnly: true,
      };
      given([])
        .when(createApiKey({ scope }))
        .then([apiKeyCreated({ scope })]);
    });

    it('records no scope for one that restricts nothing, so the key stays as unscoped as before scopes', () => {
      given([])
        .when(createApiKey({ scope: {} }))
        .then([apiKeyCreated()]);
      given([])
        .when(createApiKey({ scope: { readOnly: false } as never }))
        .then([apiKeyCreated()]);
    });

    it('records each integration and entity once, and only what restricts', () =>
      given([])
        .when(
          createApiKey({
            scope: {
              integrations: [shop, shop],
              entities: [
                { integrationId: shop, entity: 'Orders' },
                { integrationId: shop, entity: 'Orders', note: 'x' } as never,
              ],
              readOnly: false as never,
            },
          }),
        )
        .then([
          apiKeyCreated({
            scope: { integrations: [shop], entities: [{ integrationId: shop, entity: 'Orders' }] },
          }),
        ]));

    it.each([
      ['an empty list of integrations', { integrations: [] }, 'scope.integrations'],
      ['a blank integration id', { integrations: [' '] }, 'scope.integrations'],
      ['integrations that are not a list', { integrations: shop }, 'scope.integrations'],
      ['an empty list of entities', { integrations: [shop], entities: [] }, 'scope.entities'],
      [
        'an entity without its integration',
        { integrations: [shop], entities: [{ entity: 'Orders' }] },
        'scope.entities',
      ],
      [
        'an entity of an integration outside the scope',
        { integrations: [shop], entities: [{ integrationId: crm, entity: 'Leads' }] },
        'scope.entities',
      ],
      [
        'entities without integrations',
        { entities: [{ integrationId: shop, entity: 'Orders' }] },
        'scope.entities',
      ],
      ['a readOnly that is not a boolean', { readOnly: 'yes' }, 'scope.readOnly'],
      ['a scope that is not an object', ['read'], 'scope'],
    ])('refuses %s, naming the field', (_, scope, field) =>
      given([])
        .when(createApiKey({ scope: scope as never }))
        .thenThrows(ValidationError, 'API_KEY.INVALID', invalidFields(field)),
    );

    it('keeps the scope in the state of the key', () =>
      expect(state([apiKeyCreated({ scope: { readOnly: true } })])).toMatchObject({
        status: 'active',
        scope: { readOnly: true },
      }));
  });

  describe('scopeRefusal', () => {
    const shop = 'shop';
    const read = { integrationId: shop, entity: 'Customers', writes: false };
    const write = { ...read, writes: true };

    it('lets an unscoped key make any call', () => {
      expect(scopeRefusal(undefined, read)).toBeUndefined();
      expect(scopeRefusal(undefined, write)).toBeUndefined();
    });

    it('refuses an integration outside the scope', () => {
      expect(scopeRefusal({ integrations: ['crm'] }, read)).toBe('out-of-scope');
      expect(scopeRefusal({ integrations: ['crm', shop] }, read)).toBeUndefined();
    });

    it('opens every entity of an integration the entities do not name, and only the named ones of one they do', () => {
      const scope: ApiKeyScope = {
        integrations: [shop, 'crm'],
        entities: [{ integrationId: 'crm', entity: 'Leads' }],
      };
      expect(scopeRefusal(scope, read)).toBeUndefined();
      expect(scopeRefusal(scope, { integrationId: 'crm', entity: 'Leads', writes: true })).toBeUndefined();
      expect(scopeRefusal(scope, { integrationId: 'crm', entity: 'Accounts', writes: false })).toBe(
        'out-of-scope',
      );
    });

    it('refuses a write with a read-only key, and lets it read', () => {
      expect(scopeRefusal({ readOnly: true }, write)).toBe('read-only');
      expect(scopeRefusal({ readOnly: true }, read)).toBeUndefined();
    });

    it('names the scope before the write: an out-of-scope write is out of scope', () =>
      expect(scopeRefusal({ integrations: ['crm'], readOnly: true }, write)).toBe('out-of-scope'));
  });

  describe('reachInto', () => {
    const scope: ApiKeyScope = {
      integrations: ['shop', 'crm'],
      entities: [
        { integrationId: 'crm', entity: 'Leads' },
        { integrationId: 'crm', entity: 'Accounts' },
      ],
    };

    it('opens all of every integration to an unscoped key', () =>
      expect(reachInto(undefined, 'shop')).toEqual({}));

    it('opens nothing of an integration outside the scope', () =>
      expect(reachInto(scope, 'billing')).toBeUndefined());

    it('opens all of an integration the entities do not name, and only the named entities of one they do', () => {
      expect(reachInto(scope, 'shop')).toEqual({});
      expect(reachInto(scope, 'crm')).toEqual({ entities: ['Leads', 'Accounts'] });
    });

    it('opens all of every integration to a key that is only read-only', () =>
      expect(reachInto({ readOnly: true }, 'shop')).toEqual({}));
  });

  describe('RevokeApiKey', () => {
    it('revokes an active key', () => given([apiKeyCreated()]).when(revokeApiKey()).then([apiKeyRevoked()]));

    it('changes nothing when the key is already revoked', () =>
      given([apiKeyCreated(), apiKeyRevoked()]).when(revokeApiKey()).thenNothingHappens());

    it('refuses a key that does not exist', () =>
      given([]).when(revokeApiKey()).thenThrows(NotFoundError, 'API_KEY.NOT_FOUND'));

    it('refuses a key of another environment as if it did not exist', () =>
      given([apiKeyCreated()])
        .when(revokeApiKey({ environment: 'production' }))
        .thenThrows(NotFoundError, 'API_KEY.NOT_FOUND'));
  });

  describe('isActiveApiKey', () => {
    it('is true only between creation and revocation', () => {
      expect(isActiveApiKey(state([]))).toBe(false);
      expect(isActiveApiKey(state([apiKeyCreated()]))).toBe(true);
      expect(isActiveApiKey(state([apiKeyCreated(), apiKeyRevoked()]))).toBe(false);
    });
  });

  it('keeps who created and who revoked the key', () =>
    expect(state([apiKeyCreated(), apiKeyRevoked({ revokedBy: 'other-admin' })])).toEqual({
      status: 'revoked',
      keyId,
      environment: 'qa',
      appName: 'Warehouse app',
      label: 'CI pipeline',
      hint: 'Ab3_',
      createdBy: 'admin',
      createdAt: at,
      revokedBy: 'other-admin',
      revokedAt: at,
    }));

  it('ignores a revocation of a key never created and an event type it does not know', () => {
    expect(state([apiKeyRevoked()])).toEqual({ status: 'none' });
    expect(state([apiKeyCreated(), { type: 'SomethingNew', data: {} } as never])).toEqual(
      state([apiKeyCreated()]),
    );
  });

  it('names the stream after the key', () => expect(apiKeyStreamId('k-1')).toBe('api-key-k-1'));
});
