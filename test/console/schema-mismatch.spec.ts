import { toHttpError } from '../../apps/console/src/providers/http';
import {
  schemaMismatchOf,
  unlessSchemaMismatch,
} from '../../apps/console/src/resources/integrations/schema-mismatch-error';

const answer = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

const dropped = {
  kind: 'COLUMN_DROPPED',
  breaking: true,
  table: 'customers',
  column: 'phone',
  message: 'Column customers.phone does not exist',
};

/** The promote and bind dialogs show the gate's differences and offer to deploy anyway. */
describe("the promotion gate's answer in the console", () => {
  it('given a 409 PROMOTION.SCHEMA_MISMATCH, when read, then its differences are at hand and no notification is shown', async () => {
    const error = await toHttpError(
      answer(409, {
        status: 409,
        code: 'PROMOTION.SCHEMA_MISMATCH',
        detail: 'differs',
        differences: [dropped],
      }),
    );

    expect(schemaMismatchOf(error)).toEqual([dropped]);
    expect(unlessSchemaMismatch(error)).toBe(false);
  });

  it('given any other error, when read, then it is no mismatch and notifies as usual', async () => {
    const failed = await toHttpError(
      answer(409, { status: 409, code: 'PROMOTION.CONNECTION_TEST_FAILED', detail: 'down' }),
    );

    expect(schemaMismatchOf(failed)).toBeUndefined();
    expect(unlessSchemaMismatch(failed)).toBeUndefined();
    expect(schemaMismatchOf(undefined)).toBeUndefined();
  });
});
