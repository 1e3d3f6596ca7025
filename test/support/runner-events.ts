import { type AnyEvent, type IntegrationEvent } from '@ib/domain';

/** Events the projection runner's specs feed it, on SQLite and on MariaDB alike. */
export const RECORDED_AT = '2025-03-04T05:06:07.000Z';

export const created = (integrationId: string): IntegrationEvent => ({
  type: 'IntegrationCreated',
  data: {
    integrationId,
    environment: 'dev',
    provider: 'sqlite',
    applicationName: `App ${integrationId}`,
    moduleName: 'App_IS',
    description: '',
    createdBy: 'alice',
    createdAt: RECORDED_AT,
  },
});

export const convertedToOpen = (integrationId: string): IntegrationEvent => ({
  type: 'IntegrationConvertedToOpen',
  data: { integrationId, convertedAt: '2025-03-05T00:00:00.000Z' },
});

/** An event no upcaster repaired: an integration without any of its required details. */
export const malformedCreated = (integrationId: string): AnyEvent => ({
  type: 'IntegrationCreated',
  data: { integrationId },
});
