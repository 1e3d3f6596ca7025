import { type ConnectionRequested, type RecordedEvent } from '@ib/domain';
import { notificationIdOf } from '../notification-id';
import { type EventFacts, notificationsFor } from './notification-rules';

const REQUEST_ID = '0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10';
const INTEGRATION_ID = '0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c11';
const PUBLICATION_ID = '0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c12';
const RECORDED_AT = '2025-03-04T05:06:07.000Z';

let position = 0;
const recorded = (type: string, data: object, actorId = 'system'): RecordedEvent => {
  position += 1;
  return {
    eventId: `0197a3c2-0000-7000-8000-${String(position).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId: `stream-${type}`,
    streamVersion: 0,
    globalPosition: position,
    recordedAt: RECORDED_AT,
    data,
    metadata: { actorId, correlationId: 'c', causationId: 'c', environment: 'development' },
  };
};

const requestData: ConnectionRequested['data'] = {
  requestId: REQUEST_ID,
  environment: 'development',
  name: 'Orders DB',
  provider: 'mysql',
  details: { host: 'db.internal', port: 3306, username: 'orders', database: 'orders' },
  secretRef: 'secret-0197a3c2',
  note: 'For the orders app',
  requestedBy: 'dana',
  requestedAt: RECORDED_AT,
};
const names = new Map([
  ['dana', 'dana'],
  ['ada', 'ada'],
]);
const requested = () => recorded('ConnectionRequested', requestData, 'dana');

describe('notificationsFor', () => {
  it('given a connection requested, then every administrator of its environment but the requester is told, with a link to it', () => {
    const event = requested();

    const told = notificationsFor(event, { names, admins: ['ada', 'bob', 'dana'] });

    expect(told.map(({ userId }) => userId)).toEqual(['ada', 'bob']);
    expect(told[0]).toEqual({
      id: notificationIdOf(event.eventId, 'ada', RECORDED_AT),
      userId: 'ada',
      kind: 'connection-requested',
      title: 'Connection requested: Orders DB',
      body: 'dana requested the mysql connection "Orders DB" in development.\nNote: For the orders app',
      link: `/connection-requests/show/${REQUEST_ID}`,
      eventId: event.eventId,
      position: event.globalPosition,
      environment: 'development',
      createdAt: RECORDED_AT,
    });
  });

  it('given a connection requested, then no notification carries its details or secret reference', () => {
    const told = JSON.stringify(notificationsFor(requested(), { names, admins: ['ada'] }));

    expect(told).not.toContain('db.internal');
    expect(told).not.toContain('secret-0197a3c2');
  });

  it('given a request approved, rejected or cancelled by an administrator, then its requester is told', () => {
    const facts: EventFacts = { names, request: requestData };
    const decisions = [
      recorded('ConnectionRequestApproved', {
        requestId: REQUEST_ID,
        connectionId: 'c1',
        approvedBy: 'ada',
        approvedAt: RECORDED_AT,
      }),
      recorded('ConnectionRequestRejected', {
        requestId: REQUEST_ID,
        reason: 'Use the replica',
        rejectedBy: 'ada',
        rejectedAt: RECORDED_AT,
      }),
      recorded('ConnectionRequestCancelled', {
        requestId: REQUEST_ID,
        cancelledBy: 'ada',
        cancelledAt: RECORDED_AT,
      }),
    ];

    const told = decisions.flatMap((event) => notificationsFor(event, facts));

    expect(told.map(({ userId, kind }) => [userId, kind])).toEqual([
      ['dana', 'request-approved'],
      ['dana', 'request-rejected'],
      ['dana', 'request-cancelled'],
    ]);
    expect(told[1]!.body).toContain('Reason: Use the replica');
    expect(told.every(({ link }) => link === `/connection-requests/show/${REQUEST_ID}`)).toBe(true);
  });

  it('given a request cancelled by its requester, then nobody is told', () => {
    const cancelled = recorded('ConnectionRequestCancelled', {
      requestId: REQUEST_ID,
      cancelledBy: 'dana',
      cancelledAt: RECORDED_AT,
    });

    expect(notificationsFor(cancelled, { names, request: requestData })).toEqual([]);
  });

  it('given a publication failed, then whoever asked to publish is told the failing step and reason', () => {
    const failed = recorded('IntegrationPublishFailed', {
      publicationId: PUBLICATION_ID,
      integrationId: INTEGRATION_ID,
      version: 2,
      reason: 'Table Orders has no primary key',
      failedStep: 'validateSchema',
      failedAt: RECORDED_AT,
    });
    const publication = {
      publicationId: PUBLICATION_ID,
      integrationId: INTEGRATION_ID,
      integrationVersion: 7,
      version: 2,
      environment: 'development',
      requestedBy: 'eli',
      requestedAt: RECORDED_AT,
    };

    const told = notificationsFor(failed, {
      names,
      publication,
      integration: { name: 'Orders', environment: 'development' },
    });

    expect(told).toEqual([
      expect.objectContaining({
        userId: 'eli',
        kind: 'publication-failed',
        title: 'Publication failed: Orders version 2',
        link: `/integrations/show/${INTEGRATION_ID}`,
        environment: 'development',
      }),
    ]);
    expect(told[0]!.body).toContain('at step validateSchema');
    expect(told[0]!.body).toContain('Reason: Table Orders has no primary key');
  });

  it('given an integration that must be republished, then the administrators of the environment are told', () => {
    const required = recorded('RepublishRequired', {
      integrationId: INTEGRATION_ID,
      dependency: 'runtime-core',
      reason: 'Built against 1.x',
      requiredAt: RECORDED_AT,
      environment: 'qa',
      version: '2.0.0',
    });

    const told = notificationsFor(required, {
      names,
      admins: ['ada', 'quinn'],
      integration: { name: 'Orders', environment: 'development' },
    });

    expect(told.map(({ userId, kind, environment }) => [userId, kind, environment])).toEqual([
      ['ada', 'republish-required', 'qa'],
      ['quinn', 'republish-required', 'qa'],
    ]);
  });

  it('given breaking schema drift, then the administrators of the environment are told each breaking difference', () => {
    const drift = (breaking: boolean) =>
      recorded('SchemaDriftDetected', {
        integrationId: INTEGRATION_ID,
        environment: 'qa',
        version: 2,
        differences: [
          { kind: 'TABLE_ADDED', breaking: false, table: 'audit', message: 'Table audit was added' },
          ...(breaking
            ? [
                {
                  kind: 'COLUMN_DROPPED',
                  breaking: true,
                  table: 'orders',
                  message: 'Column orders.note does not exist',
                },
              ]
            : []),
        ],
        breaking: breaking ? 1 : 0,
        nonBreaking: 1,
        entities: [],
        apiKeys: [],
        detectedAt: RECORDED_AT,
      });
    const facts: EventFacts = {
      names,
      admins: ['ada'],
      integration: { name: 'Orders', environment: 'development' },
    };

    const told = notificationsFor(drift(true), facts);

    expect(told).toEqual([
      expect.objectContaining({
        userId: 'ada',
        kind: 'schema-drift',
        title: 'Breaking schema drift: Orders in qa',
        environment: 'qa',
      }),
    ]);
    expect(told[0].body).toContain('- Column orders.note does not exist');
    expect(told[0].body).not.toContain('Table audit');
    expect(notificationsFor(drift(false), facts)).toEqual([]);
  });

  it('given breaking schema drift resolved, then the administrators are told; non-breaking drift resolved tells nobody', () => {
    const resolved = (wasBreaking: boolean) =>
      recorded('SchemaDriftResolved', {
        integrationId: INTEGRATION_ID,
        environment: 'qa',
        version: 2,
        wasBreaking,
        resolvedAt: RECORDED_AT,
      });
    const facts: EventFacts = {
      names,
      admins: ['ada'],
      integration: { name: 'Orders', environment: 'development' },
    };

    expect(notificationsFor(resolved(true), facts)).toEqual([
      expect.objectContaining({
        userId: 'ada',
        kind: 'schema-drift',
        title: 'Schema drift resolved: Orders in qa',
      }),
    ]);
    expect(notificationsFor(resolved(false), facts)).toEqual([]);
  });

  it('given the same event twice, then its notifications have the same ids (recorded once)', () => {
    const event = requested();

    const first = notificationsFor(event, { names, admins: ['ada'] });
    const again = notificationsFor(event, { names, admins: ['ada'] });

    expect(again.map(({ id }) => id)).toEqual(first.map(({ id }) => id));
    expect(first[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('given an event it does not know, then nobody is told', () => {
    expect(notificationsFor(recorded('IntegrationCreated', {}), { names, admins: ['ada'] })).toEqual([]);
  });
});
