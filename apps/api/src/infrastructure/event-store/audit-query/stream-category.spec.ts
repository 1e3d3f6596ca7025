import { DatabaseSync } from 'node:sqlite';
import {
  apiKeyStreamId,
  connectionRequestStreamId,
  dependencyStreamId,
  environmentStreamId,
  integrationDeploymentsStreamId,
  integrationPublicationsStreamId,
  integrationStreamId,
  userStreamId,
} from '@ib/domain';
import { STREAM_CATEGORY_SQL, streamCategoryOf } from './stream-category';

const ID = '0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10';

const CASES: readonly (readonly [string, string])[] = [
  [integrationStreamId(ID), 'integration'],
  [integrationDeploymentsStreamId(ID), 'integration-deployments'],
  [integrationPublicationsStreamId(ID), 'integration-publications'],
  [connectionRequestStreamId(ID), 'connection-request'],
  [apiKeyStreamId(ID), 'api-key'],
  [userStreamId('Ada-Lovelace'), 'user'],
  [environmentStreamId('qa-eu'), 'environment'],
  [dependencyStreamId('integration-manager'), 'dependency'],
  ['tab-1', 'tab'],
  ['nodash', 'nodash'],
  [`-${ID}`, `-${ID}`.split('-')[0]],
];

describe('streamCategoryOf', () => {
  it.each(CASES)('given %s, then its category is %s', (streamId, category) => {
    expect(streamCategoryOf(streamId)).toBe(category);
  });

  it('given the stream ids, then the SQLite column computes the same categories', () => {
    const db = new DatabaseSync(':memory:');
    const category = db.prepare(
      `SELECT ${STREAM_CATEGORY_SQL.sqlite} AS category FROM (SELECT ? AS stream_id)`,
    );

    expect(CASES.map(([streamId]) => (category.get(streamId) as { category: string }).category)).toEqual(
      CASES.map(([streamId]) => streamCategoryOf(streamId)),
    );
    db.close();
  });
});
