import { Alert } from 'antd';
import type { IntegrationDependencies, RepublishRequirement } from '../../types';

/** The API answers `republishRequired` as a flag with `republishRequirements`, or as the list itself. */
const requirementsOf = (state: IntegrationDependencies): RepublishRequirement[] | undefined => {
  if (Array.isArray(state.republishRequired))
    return state.republishRequired.length > 0 ? state.republishRequired : undefined;
  return state.republishRequired ? (state.republishRequirements ?? []) : undefined;
};

/** Warns that a breaking dependency update left the latest version to be published again. */
export const RepublishRequiredAlert = ({ state }: { state: IntegrationDependencies | undefined }) => {
  const requirements = state && requirementsOf(state);
  if (!requirements) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message="Republish required"
      description={
        requirements.length === 0 ? (
          'A dependency changed in a breaking way since the latest version was published: publish it again.'
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {requirements.map(({ dependency, reason }) => (
              <li key={dependency}>
                {dependency}: {reason}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
};
