import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type FinishRepublishItem, type StartRepublish, type StartRepublishItem } from './republish.commands';
import { nextRepublishItem, republishDecider } from './republish.decider';
import { type RepublishEvent, type RepublishItemFinished, type RepublishStarted } from './republish.events';
import { republishStreamId } from './republish.stream';

const runId = 'run-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };

const start = (integrationIds: readonly string[] = ['int-1', 'int-2']): StartRepublish => ({
  type: 'StartRepublish',
  data: { runId, environment: 'development', integrationIds },
  metadata,
});
const startItem = (integrationId = 'int-1', publicationId = 'pub-1'): StartRepublishItem => ({
  type: 'StartRepublishItem',
  data: { runId, integrationId, publicationId },
  metadata,
});
const finishItem = (data: Partial<FinishRepublishItem['data']> = {}): FinishRepublishItem => ({
  type: 'FinishRepublishItem',
  data: { runId, integrationId: 'int-1', outcome: 'published', version: 2, ...data },
  metadata,
});

const started = (integrationIds: readonly string[] = ['int-1', 'int-2']): RepublishEvent => ({
  type: 'RepublishStarted',
  data: { runId, integrationIds, startedBy: 'admin', startedAt: at, environment: 'development' },
});
const itemStarted = (integrationId = 'int-1', publicationId = 'pub-1'): RepublishEvent => ({
  type: 'RepublishItemStarted',
  data: { runId, integrationId, publicationId, startedAt: at },
});
const itemFinished = (data: Partial<RepublishItemFinished['data']> = {}): RepublishEvent => ({
  type: 'RepublishItemFinished',
  data: {
    runId,
    integrationId: 'int-1',
    publicationId: 'pub-1',
    outcome: 'published',
    version: 2,
    finishedAt: at,
    ...data,
  },
});
const finished = (published: number, failed: number, skipped: number): RepublishEvent => ({
  type: 'RepublishFinished',
  data: { runId, published, failed, skipped, finishedAt: at },
});

const firstPublished = [started(), itemStarted(), itemFinished()];
const given = DeciderSpecification.for(republishDecider);
const state = (events: readonly RepublishEvent[]) => fold(republishDecider, events);

describe('Republish decider', () => {
  describe('StartRepublish', () => {
    it('starts a run over the integrations that need a republish', () =>
      given([]).when(start()).then([started()]));

    it('keeps the environment the run republishes in', () =>
      expect(state([started()])).toMatchObject({ status: 'running', environment: 'development' }));

    it('reads a run started before runs were per environment as one of no environment', () => {
      const { environment: _scoped, ...unscoped } = (started() as RepublishStarted).data;
      expect(state([{ type: 'RepublishStarted', data: unscoped }])).not.toHaveProperty('environment');
    });

    it('refuses a run for no environment', () =>
      given([])
        .when({ ...start(), data: { ...start().data, environment: ' ' } })
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('environment')));

    it('refuses to start the same run twice', () =>
      given([started()]).when(start()).thenThrows(IllegalStateError, 'REPUBLISH.ALREADY_EXISTS'));

    it.each([
      ['no integration', []],
      ['an integration twice', ['int-1', 'int-1']],
      ['a blank integration', ['int-1', ' ']],
    ])('refuses a run with %s', (_label, integrationIds) =>
      given([])
        .when(start(integrationIds))
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('integrationIds')),
    );
  });

  describe('StartRepublishItem', () => {
    it('records the publication started for an integration of the run', () =>
      given([started()]).when(startItem()).then([itemStarted()]));

    it('changes nothing when the same publication is recorded again (a retry)', () =>
      given([started(), itemStarted()]).when(startItem()).thenNothingHappens());

    it('refuses another publication while one is running for the integration', () =>
      given([started(), itemStarted()])
        .when(startItem('int-1', 'pub-2'))
        .thenThrows(IllegalStateError, 'REPUBLISH.ITEM_IN_PROGRESS'));

    it('refuses an integration that is not part of the run', () =>
      given([started()]).when(startItem('int-9')).thenThrows(IllegalStateError, 'REPUBLISH.NOT_IN_RUN'));

    it('refuses an integration whose item is finished', () =>
      given(firstPublished)
        .when(startItem('int-1', 'pub-3'))
        .thenThrows(IllegalStateError, 'REPUBLISH.ITEM_FINISHED'));

    it('refuses a run never started', () =>
      given([]).when(startItem()).thenThrows(NotFoundError, 'REPUBLISH.NOT_FOUND'));

    it('refuses a blank publication id', () =>
      given([started()])
        .when(startItem('int-1', ' '))
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('publicationId')));
  });

  describe('FinishRepublishItem', () => {
    it('records a published item with its version', () =>
      given([started(), itemStarted()]).when(finishItem()).then([itemFinished()]));

    it('fails an item that could not start, with its reason', () =>
      given([started()])
        .when(finishItem({ outcome: 'failed', version: undefined, reason: ' Integration is open ' }))
        .then([
          {
            type: 'RepublishItemFinished',
            data: {
              runId,
              integrationId: 'int-1',
              outcome: 'failed',
              reason: 'Integration is open',
              finishedAt: at,
            },
          },
        ]));

    it('finishes the run with its counts when the last open item finishes', () =>
      given([...firstPublished, itemStarted('int-2', 'pub-2')])
        .when(
          finishItem({ integrationId: 'int-2', outcome: 'failed', version: undefined, reason: 'Table gone' }),
        )
        .then([
          itemFinished({
            integrationId: 'int-2',
            publicationId: 'pub-2',
            outcome: 'failed',
            version: undefined,
            reason: 'Table gone',
          }),
          finished(1, 1, 0),
        ]));

    it('skips an integration that no longer needs a republish', () =>
      given([started(['int-1'])])
        .when(finishItem({ outcome: 'skipped', version: undefined }))
        .then([
          {
            type: 'RepublishItemFinished',
            data: { runId, integrationId: 'int-1', outcome: 'skipped', finishedAt: at },
          },
          finished(0, 0, 1),
        ]));

    it('refuses a published outcome without a publication started', () =>
      given([started()])
        .when(finishItem())
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('outcome')));

    it('names every invalid field', () =>
      given([started(), itemStarted()])
        .when(finishItem({ version: 0, reason: 'x'.repeat(2001) }))
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('version', 'reason')));

    it('refuses a failure without a reason', () =>
      given([started(), itemStarted()])
        .when(finishItem({ outcome: 'failed', reason: ' ' }))
        .thenThrows(ValidationError, 'REPUBLISH.INVALID', invalidFields('reason')));

    it('refuses an item finished twice', () =>
      given(firstPublished).when(finishItem()).thenThrows(IllegalStateError, 'REPUBLISH.ITEM_FINISHED'));
  });

  it('takes no command once the run is finished', () => {
    const done = [started(['int-1']), itemStarted(), itemFinished(), finished(1, 0, 0)];
    given(done).when(startItem()).thenThrows(IllegalStateError, 'REPUBLISH.FINISHED');
    given(done).when(finishItem()).thenThrows(IllegalStateError, 'REPUBLISH.FINISHED');
  });

  describe('nextRepublishItem', () => {
    it('is the first pending item of a new run', () =>
      expect(nextRepublishItem(state([started()]))).toEqual({ integrationId: 'int-1' }));

    it('names the publication of an item started, for a process resuming after a restart', () =>
      expect(nextRepublishItem(state([started(), itemStarted()]))).toEqual({
        integrationId: 'int-1',
        publicationId: 'pub-1',
      }));

    it('moves on once an item is finished', () =>
      expect(nextRepublishItem(state(firstPublished))).toEqual({ integrationId: 'int-2' }));

    it('is nothing for a run finished or never started', () => {
      expect(
        nextRepublishItem(state([started(['int-1']), itemStarted(), itemFinished(), finished(1, 0, 0)])),
      ).toBe(undefined);
      expect(nextRepublishItem(state([]))).toBeUndefined();
    });
  });

  it('keeps each outcome, and ignores an event type unknown to this version', () => {
    const events = [
      ...firstPublished,
      itemFinished({
        integrationId: 'int-2',
        publicationId: undefined,
        outcome: 'skipped',
        version: undefined,
      }),
      finished(1, 0, 1),
    ];
    expect(state(events)).toMatchObject({
      status: 'finished',
      published: 1,
      skipped: 1,
      items: [
        { integrationId: 'int-1', status: 'published', publicationId: 'pub-1', version: 2 },
        { integrationId: 'int-2', status: 'skipped' },
      ],
    });
    expect(state([started(), { type: 'SomethingNew', data: {} } as never])).toEqual(state([started()]));
    expect(state([itemStarted()])).toEqual({ status: 'none' });
  });

  it('names the stream after the run', () => expect(republishStreamId('run-1')).toBe('republish-run-1'));
});
