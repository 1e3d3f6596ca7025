import {
  type FieldCheck,
  fieldErrors,
  lengthProblem,
  textProblem,
  throwIfInvalid,
  trimmed,
} from '../shared/validation';

const MAX_NAME = 100;
const MAX_DESCRIPTION = 2000;
const MODULE_SUFFIX = '_IS';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type IntegrationDetails = Readonly<{
  applicationName: string;
  moduleName: string;
  description: string;
  icon?: string;
}>;

/**
 * The seeds' default service module name, `<applicationName>_IS`, made a valid identifier. The
 * name part is shortened so the default always passes the module name rule itself.
 */
export const integrationModuleName = (applicationName: string): string => {
  const base = applicationName.trim().replace(/[^A-Za-z0-9_]/g, '_');
  const identifier = /^[0-9]/.test(base) ? `_${base}` : base;
  return `${identifier.slice(0, MAX_NAME - MODULE_SUFFIX.length)}${MODULE_SUFFIX}`;
};

const moduleNameProblem = (moduleName: string): string | undefined => {
  if (moduleName.length > MAX_NAME) return `must be at most ${MAX_NAME} characters`;
  if (!IDENTIFIER.test(moduleName))
    return 'must start with a letter or _ and hold only letters, digits and _';
  return undefined;
};

/** Normalises (trims, fills defaults) and validates what create and change details share. */
export const integrationDetails = (
  input: Readonly<{ applicationName: unknown; moduleName?: unknown; description?: unknown; icon?: string }>,
  extraChecks: readonly FieldCheck[] = [],
): IntegrationDetails => {
  const applicationName = trimmed(input.applicationName);
  const givenModuleName = trimmed(input.moduleName);
  const moduleName = givenModuleName === '' ? integrationModuleName(applicationName) : givenModuleName;
  const description = typeof input.description === 'string' ? input.description : '';
  throwIfInvalid(
    'INTEGRATION.INVALID',
    'The integration details are invalid',
    fieldErrors(
      ['applicationName', lengthProblem(applicationName, MAX_NAME) ?? textProblem(applicationName)],
      ['moduleName', givenModuleName === '' ? undefined : moduleNameProblem(givenModuleName)],
      [
        'description',
        description.length > MAX_DESCRIPTION
          ? `must be at most ${MAX_DESCRIPTION} characters`
          : textProblem(description, { multiline: true }),
      ],
      ...extraChecks,
    ),
  );
  return {
    applicationName,
    moduleName,
    description,
    ...(input.icon === undefined ? {} : { icon: input.icon }),
  };
};
