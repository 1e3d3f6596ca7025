import {
  type ChangeRequested,
  type ConnectionBound,
  type ConnectionUnbound,
  type SchemaDriftDetected,
} from '@ib/domain';
import { type SampleAppend, sampleHistory } from './sample-history';

/** What a history says, without the ids and times drawn at random when it is made. */
const facts = (appends: readonly SampleAppend[]) =>
  appends.flatMap(({ streamId, events }) =>
    events.map(({ type, data, metadata }) => ({
      streamId,
      type,
      data,
      actorId: metadata.actorId,
      environment: metadata.environment,
    })),
  );

type Fact = ReturnType<typeof facts>[number];
const dataOf = <E extends { type: string; data: object }>(history: readonly Fact[], type: E['type']) =>
  history.filter((fact) => fact.type === type).map(({ data }) => data as E['data']);

describe('a sample history of 80 integrations', () => {
  const history = facts(sampleHistory({ integrations: 80, seed: 11 }));

  it('given a seed, then the history is the same on every run', () => {
    expect(facts(sampleHistory({ integrations: 80, seed: 11 }))).toStrictEqual(history);
  });

  it('then it records the events of four-eyes, the promotion gate, unbinding and schema drift', () => {
    const types = new Set(history.map(({ type }) => type));

    for (const type of [
      'EnvironmentPolicyChanged',
      'ChangeRequested',
      'ChangeApproved',
      'ChangeApplied',
      'ChangeRejected',
      'ChangeCancelled',
      'ChangeFailed',
      'ConnectionUnbound',
      'SchemaDriftBaselineRecorded',
      'SchemaDriftDetected',
      'SchemaDriftResolved',
      'EnvironmentDriftChecked',
    ])
      expect(types).toContain(type);
  });

  it('then each change request is decided by another administrator than the one who asked for it', () => {
    const requesters = new Map(
      dataOf<ChangeRequested>(history, 'ChangeRequested').map(({ changeRequestId, requestedBy }) => [
        changeRequestId,
        requestedBy,
      ]),
    );
    const approvals = history.filter(({ type }) => type === 'ChangeApproved');

    expect(approvals.length).toBeGreaterThan(0);
    for (const { data, actorId } of approvals)
      expect(requesters.get((data as { changeRequestId: string }).changeRequestId)).not.toBe(actorId);
  });

  it('then a binding overrides the gate with its reason and differences, and each unbinding undoes a binding', () => {
    const bound = dataOf<ConnectionBound>(history, 'ConnectionBound');
    const overridden = bound.filter(({ override }) => override !== undefined);

    expect(overridden).toHaveLength(1);
    expect(overridden[0].override?.differences.some(({ breaking }) => breaking)).toBe(true);
    for (const { integrationId, environment, connectionId } of dataOf<ConnectionUnbound>(
      history,
      'ConnectionUnbound',
    ))
      expect(bound).toContainEqual(expect.objectContaining({ integrationId, environment, connectionId }));
  });

  it('then drift checks find breaking and non-breaking differences', () => {
    const detected = dataOf<SchemaDriftDetected>(history, 'SchemaDriftDetected');

    expect(detected.some(({ breaking }) => breaking > 0)).toBe(true);
    expect(detected.some(({ breaking, nonBreaking }) => breaking === 0 && nonBreaking > 0)).toBe(true);
    expect(
      new Set(detected.flatMap(({ differences }) => differences.map(({ kind }) => kind))).size,
    ).toBeGreaterThan(5);
  });

  it('then no event carries a password: a change or a connection names its secret by reference', () => {
    const secretLike = history.flatMap(({ type, data }) =>
      [...JSON.stringify(data).matchAll(/"([^"]*(?:password|secret)[^"]*)":/gi)]
        .map(([, key]) => key)
        .filter((key) => key !== 'secretRef' && key !== 'previousSecretRef')
        .map((key) => `${type}.${key}`),
    );

    expect(secretLike).toEqual([]);
    expect(
      dataOf<ChangeRequested>(history, 'ChangeRequested').filter(({ change }) => 'secretRef' in change),
    ).not.toHaveLength(0);
  });
});
