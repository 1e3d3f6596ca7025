import { type HttpError, useGo } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Form } from 'antd';
import { ConnectionFields } from '../../components/connection-fields';
import { clearFormDraft, useFormDraft } from '../../components/use-form-draft';
import { changeRequestPath, isPendingChange, type PendingChange } from '../../components/pending-change';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import { currentEnvironment } from '../../providers/session';
import type { Connection, ConnectionDraft } from '../../types';

const DRAFT = 'connection-create';

/**
 * Administrators create connections; the password goes to the secret store, never back out. Where the
 * environment asks for four eyes, the connection waits for another administrator: its change request shows.
 */
export const ConnectionCreate = () => {
  const go = useGo();
  const noticePending = usePendingChangeNotice();
  const { formProps, saveButtonProps } = useForm<Connection | PendingChange, HttpError, ConnectionDraft>({
    redirect: false,
    successNotification: (response) =>
      isPendingChange(response?.data)
        ? false
        : { type: 'success', message: 'Connection created', description: 'Successful' },
    onMutationSuccess: ({ data }, values) => {
      clearFormDraft(DRAFT);
      if (!isPendingChange(data)) return go({ to: '/connections' });
      noticePending(data, `The connection ${values.name}`);
      return go({ to: changeRequestPath(data.changeRequestId) });
    },
  });
  const draftProps = useFormDraft(formProps, DRAFT);
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...draftProps} layout="vertical" style={{ maxWidth: 640 }}>
        <ConnectionFields defaultEnvironment={currentEnvironment()} />
      </Form>
    </Create>
  );
};
