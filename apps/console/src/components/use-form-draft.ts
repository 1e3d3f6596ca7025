import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance, FormProps, ModalProps } from 'antd';

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

type ModalForm<T> = Readonly<{
  show: () => void;
  modalProps: ModalProps;
  formProps: FormProps<T> & { form?: FormInstance<T> };
}>;

/**
 * A form in a modal, kept as useFormDraft keeps a page's form, and the modal with it: one open when the
 * session expired opens again, with what was typed, once the user is back. Cancelling forgets both; call
 * `forget` once what the form sent was accepted.
 */
export function useModalFormDraft<T>(modal: ModalForm<T>, key: string) {
  const openKey = `${key}.open`;
  const { show } = modal;
  // Once, on the way back: `show` may be a new function at every render.
  const reopen = useRef(readDraft(openKey) === true);
  useEffect(() => {
    if (!reopen.current) return;
    reopen.current = false;
    show();
  }, [show]);
  const { form } = modal.formProps;
  const forget = () => {
    clearFormDraft(openKey);
    clearFormDraft(key);
  };
  const kept = useFormDraft(modal.formProps, key);
  // @refinedev/antd's modal form awaits a refused mutation (its page form catches it): the refusal is
  // already told (a notice, or the login page), so it must not also escape as an unhandled rejection.
  const formProps: FormProps<T> = {
    ...kept,
    onFinish: async (values) => {
      await Promise.resolve(kept.onFinish?.(values)).catch(() => undefined);
    },
  };
  return {
    show: () => {
      writeDraft(openKey, true);
      show();
    },
    forget,
    formProps,
    modalProps: {
      ...modal.modalProps,
      onCancel: (event: Parameters<NonNullable<ModalProps['onCancel']>>[0]) => {
        forget();
        modal.modalProps.onCancel?.(event);
      },
      // The form exists once the modal first opens: what was kept is put back then.
      afterOpenChange: (open: boolean) => {
        modal.modalProps.afterOpenChange?.(open);
        const draft = open ? readFormDraft(key) : undefined;
        if (draft !== undefined)
          form?.setFieldsValue(draft as Parameters<FormInstance<T>['setFieldsValue']>[0]);
      },
    } satisfies ModalProps,
  };
}
