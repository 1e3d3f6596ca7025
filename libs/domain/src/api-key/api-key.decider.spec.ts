import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type CreateApiKey, type RevokeApiKey } from './api-key.commands';
import { apiKeyDecider, isActiveApiKey } from './api-key.decider';
import { type ApiKeyCreated, type ApiKeyEvent, type ApiKeyRevoked } from './api-key.events';
import { apiKeyStreamId } from './api-key.stream';

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
