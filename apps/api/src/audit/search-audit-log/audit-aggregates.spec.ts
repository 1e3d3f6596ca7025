import { AUDIT_AGGREGATES, categoriesOfAggregate, streamsOfAggregate } from './audit-aggregates';

describe('audit aggregates', () => {
  it('given each aggregate kind, then its categories are those of its own streams only', () => {
    expect(
      Object.fromEntries(AUDIT_AGGREGATES.map((aggregate) => [aggregate, categoriesOfAggregate(aggregate)])),
    ).toEqual({
      integration: ['integration'],
      connection: ['connection'],
      'connection-request': ['connection-request'],
      environment: ['environment'],
      user: ['user'],
      'api-key': ['api-key'],
      deployment: ['integration-deployments'],
      publication: ['publication', 'integration-publications'],
      dependency: ['dependency'],
    });
  });

  it('given one object, then its streams are exact: a publication id or the integration whose publications they are', () => {
    expect(streamsOfAggregate('publication', 'p-1')).toEqual([
      'publication-p-1',
      'integration-publications-p-1',
    ]);
    expect(streamsOfAggregate('deployment', 'i-1')).toEqual(['integration-deployments-i-1']);
    expect(streamsOfAggregate('user', 'Ada')).toEqual(['user-ada']);
  });
});
