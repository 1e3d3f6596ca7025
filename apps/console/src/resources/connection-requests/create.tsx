import type { HttpError } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Alert, Form } from 'antd';
import { ConnectionFields } from '../../components/connection-fields';
import { clearFormDraft, useFormDraft } from '../../components/use-form-draft';
import { currentEnvironment } from '../../providers/session';
import type { ConnectionDraft, ConnectionRequest } from '../../types';

const DRAFT = 'connection-request-create';

/** For users who may not create connections: an administrator is asked to create this one. */
export const ConnectionRequestCreate = () => {
  const { formProps, saveButtonProps } = useForm<ConnectionRequest, HttpError, ConnectionDraft>({
    successNotification: {
      type: 'success',
      message: 'Connection requested',
      description: 'It appears in your connection list when an administrator approves it.',
    },
    onMutationSuccess: () => clearFormDraft(DRAFT),
  });
  const draftProps = useFormDraft(formProps, DRAFT);
  return (
    <Create title="Request a connection" saveButtonProps={{ ...saveButtonProps, children: 'Send request' }}>
      <Alert
        style={{ marginBottom: 24, maxWidth: 640 }}
        type="info"
        showIcon
        message="Enter every detail the administrator needs to create the connection."
      />
      <Form {...draftProps} layout="vertical" style={{ maxWidth: 640 }}>
        <ConnectionFields defaultEnvironment={currentEnvironment()} withNote />
      </Form>
    </Create>
  );
};
