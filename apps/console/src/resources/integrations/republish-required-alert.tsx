import { Alert } from 'antd';
import type { EnvironmentDependencies, IntegrationDependencies, RepublishRequirement } from '../../types';

type Due = { environment?: string; version?: number; requirements: RepublishRequirement[] };

/** The API answers `republishRequired` as a flag with `republishRequirements`, or as the list itself. */
const requirementsOf = (state: IntegrationDependencies): RepublishRequirement[] | undefined => {
  if (Array.isArray(state.republishRequired))
    return state.republishRequired.length > 0 ? state.republishRequired : undefined;
  return state.republishRequired ? (state.republishRequirements ?? []) : undefined;
};

/**
 * Where a republish is due: each environment whose deployed version a breaking update installed there
 * left behind; an API that answers no environments has one list for the whole integration.
 */
const dueOf = (state: IntegrationDependencies): Due[] => {
  if (state.environments !== undefined)
    return state.environments
      .filter(({ republishRequired }) => republishRequired)
      .map(({ environment, version, republishRequirements }) => ({
        environment,
        version,
        requirements: republishRequirements,
      }));
  const requirements = requirementsOf(state);
  return requirements === undefined ? [] : [{ requirements }];
};

const Requirements = ({ requirements }: { requirements: RepublishRequirement[] }) => (
  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
    {requirements.map(({ dependency, reason, environment }) => (
      <li key={`${environment ?? '*'}-${dependency}`}>
        {dependency}: {reason}
      </li>
    ))}
  </ul>
);

/**
 * The environments that still serve a version built before a breaking update installed elsewhere: they
 * serve, but must get a version built against the update before the update reaches them.
 */
const attentionOf = (state: IntegrationDependencies): EnvironmentDependencies[] =>
  (state.environments ?? []).filter(
    ({ republishRequired, needsAttention }) => needsAttention && !republishRequired,
  );

/** Where a version built against the update must go next, environment by environment. */
const NeedsAttention = ({ environments }: { environments: EnvironmentDependencies[] }) => (
  <Alert
    type="info"
    showIcon
    message={`Needs attention in ${environments.map(({ environment }) => environment).join(', ')}`}
    description={environments.map(({ environment, version, breakingUpdates }) => (
      <div key={environment}>
        <strong>
          {environment} (version {version})
        </strong>
        : still serves a version built before a breaking update; promote a version built against it before the
        update is installed there.
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {breakingUpdates.map(({ dependency, version: breaking, builtOn, installedIn }) => (
            <li key={dependency}>
              {dependency}: built against {builtOn ?? 'an unknown version'}, {breaking} installed in{' '}
              {installedIn.join(', ')}
            </li>
          ))}
        </ul>
      </div>
    ))}
  />
);

/** Where a breaking update installed there calls for a new version. */
const RepublishRequired = ({ due }: { due: Due[] }) => (
  <Alert
    type="warning"
    showIcon
    message={
      due.every(({ environment }) => environment !== undefined)
        ? `Republish required in ${due.map(({ environment }) => environment).join(', ')}`
        : 'Republish required'
    }
    description={due.map(({ environment, version, requirements }) =>
      environment === undefined ? (
        requirements.length === 0 ? (
          <div key="*">
            A dependency changed in a breaking way since the latest version was published: publish it again.
          </div>
        ) : (
          <Requirements key="*" requirements={requirements} />
        )
      ) : (
        <div key={environment}>
          <strong>
            {environment} (version {version})
          </strong>
          : a version built against the updated dependencies must be deployed there.
          <Requirements requirements={requirements} />
        </div>
      ),
    )}
  />
);

/**
 * Warns, per environment, that a breaking dependency update installed there calls for a new version,
 * and tells every other environment that still serves an affected version that it needs attention.
 */
export const RepublishRequiredAlert = ({ state }: { state: IntegrationDependencies | undefined }) => {
  const due = state ? dueOf(state) : [];
  const attention = state ? attentionOf(state) : [];
  if (due.length === 0 && attention.length === 0) return null;
  if (due.length === 0) return <NeedsAttention environments={attention} />;
  return (
    <>
      <RepublishRequired due={due} />
      {attention.length > 0 && <NeedsAttention environments={attention} />}
    </>
  );
};
