import { useCallback, useEffect, useState } from 'react';
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

const readDraft = (key: string): unknown => {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

const writeDraft = (key: string, value: unknown): void => {
  if (value === undefined) sessionStorage.removeItem(PREFIX + key);
  else sessionStorage.setItem(PREFIX + key, JSON.stringify(withoutSecrets(value)));
};

/** A form's kept values, if any (see useFormDraft). */
export const readFormDraft = (key: string): Record<string, unknown> | undefined => {
  const draft = readDraft(key);
  return typeof draft === 'object' && draft !== null && !Array.isArray(draft)
    ? (draft as Record<string, unknown>)
    : undefined;
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
    const draft = readFormDraft(key);
    if (draft !== undefined) form?.setFieldsValue(draft as Parameters<FormInstance<T>['setFieldsValue']>[0]);
  }, [form, key]);
  return {
    ...formProps,
    onValuesChange: (changed, all) => {
      formProps.onValuesChange?.(changed, all);
      writeDraft(key, form?.getFieldsValue(true) ?? all);
    },
  };
}

/**
 * A choice made outside a form (a wizard step's database, its selected tables), kept as useFormDraft
 * keeps a form's values: what the user chose comes back after the session expired, until
 * `clearFormDraft(key)` once the choice was sent. `initial` holds while nothing is kept.
 */
export function useDraftState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const kept = readDraft(key);
    return kept === undefined ? initial : (kept as T);
  });
  const choose = useCallback(
    (next: T) => {
      setValue(next);
      writeDraft(key, next);
    },
    [key],
  );
  return [value, choose];
}
