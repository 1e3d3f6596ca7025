import { useEffect } from 'react';
import type { FormInstance, FormProps } from 'antd';

const PREFIX = 'integration-builder.draft.';
/** Never kept, at any depth: a password waits in no storage. */
const SECRET = /pass|secret|token|apikey/i;

const withoutSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET.test(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
};

const readDraft = (key: string): Record<string, unknown> | undefined => {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Forgets a form's draft: call it once what the form sent was accepted. */
export const clearFormDraft = (key: string): void => sessionStorage.removeItem(PREFIX + key);

/**
 * Keeps what is typed into a form in this tab's sessionStorage until it is sent, so a session that
 * expires mid-form (log in again, come back) or a reload does not lose it. Passwords are never kept.
 * Returns the form props to spread, with the draft restored on mount.
 */
export function useFormDraft<T>(
  formProps: FormProps<T> & { form?: FormInstance<T> },
  key: string,
): FormProps<T> {
  const { form } = formProps;
  useEffect(() => {
    const draft = readDraft(key);
    if (draft !== undefined) form?.setFieldsValue(draft as Parameters<FormInstance<T>['setFieldsValue']>[0]);
  }, [form, key]);
  return {
    ...formProps,
    onValuesChange: (changed, all) => {
      formProps.onValuesChange?.(changed, all);
      const values = form?.getFieldsValue(true) ?? all;
      sessionStorage.setItem(PREFIX + key, JSON.stringify(withoutSecrets(values)));
    },
  };
}
