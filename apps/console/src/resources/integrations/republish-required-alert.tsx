import { Alert } from 'antd';
import type { IntegrationDependencies, RepublishRequirement } from '../../types';

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

/** Warns, per environment, that a breaking dependency update installed there calls for a new version. */
export const RepublishRequiredAlert = ({ state }: { state: IntegrationDependencies | undefined }) => {
  const due = state ? dueOf(state) : [];
  if (due.length === 0) return null;
  return (
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
};
