import { useState } from 'react';
import { useCan, useList, type HttpError } from '@refinedev/core';
import { useModalForm, useSelect } from '@refinedev/antd';
import { Alert, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { ConnectionFields } from '../../../components/connection-fields';
import { clearFormDraft, useDraftState, useModalFormDraft } from '../../../components/use-form-draft';
import { PROVIDER_TERMS } from '../../../components/provider-terms';
import type { Connection, ConnectionDraft, ConnectionRequest, Provider } from '../../../types';
import { useIntegrationCommand } from '../use-integration-command';
import { StepActions } from './step-actions';
import { SpecificationUpload } from './specification-upload';
import { stepDraftKey, type StepProps } from './step-props';

/** Option 1: select a connection; option 2: create one (administrators); option 3: request one. */
export const ConnectStep = ({ integration, onNext }: StepProps) => {
  const draft = stepDraftKey(integration, 'connection');
  const [connectionId, setConnectionId] = useDraftState(draft, integration.connectionId);
  const [requested, setRequested] = useState(false);
  const { run, isRunning } = useIntegrationCommand(integration);
  const { environment, provider } = integration;
  const { data: canCreate } = useCan({ resource: 'connections', action: 'create', params: { environment } });
  const { selectProps } = useSelect<Connection>({
    resource: 'connections',
    optionLabel: 'name',
    optionValue: 'id',
    pagination: { mode: 'off' },
    filters: [
      { field: 'provider', operator: 'eq', value: provider },
      { field: 'environment', operator: 'eq', value: environment },
    ],
  });
  // A connection being created or requested here is kept too: the modal opens again with it.
  const create = useModalFormDraft(
    useModalForm<Connection, HttpError, ConnectionDraft>({
      resource: 'connections',
      action: 'create',
      redirect: false,
      onMutationSuccess: ({ data }) => {
        create.forget();
        setConnectionId(data.id);
      },
    }),
    `${draft}.create-connection`,
  );
  const request = useModalFormDraft(
    useModalForm<ConnectionRequest, HttpError, ConnectionDraft>({
      resource: 'connection-requests',
      action: 'create',
      redirect: false,
      successNotification: { type: 'success', message: 'Connection requested' },
      onMutationSuccess: () => {
        request.forget();
        setRequested(true);
      },
    }),
    `${draft}.request-connection`,
  );

  // The API says which providers' integrations may be built from an uploaded specification.
  const { result: providers } = useList<Provider>({ resource: 'providers', pagination: { mode: 'off' } });
  const fromSpecification = providers.data.some(({ id, specification }) => id === provider && specification);
  const next = async () => {
    if (connectionId && connectionId !== integration.connectionId) {
      const attached = await run({
        path: '/connection',
        method: 'put',
        values: { connectionId },
        successMessage: 'Connection attached',
      });
      if (!attached) return;
    }
    clearFormDraft(draft);
    onNext();
  };

  return (
    <>
      <Typography.Paragraph>
        Select a connection to your {PROVIDER_TERMS[provider].source}. Only connections you may view are
        listed.
      </Typography.Paragraph>
      <Space wrap>
        <Select<string>
          aria-label="Connection"
          options={selectProps.options}
          loading={selectProps.loading}
          showSearch
          optionFilterProp="label"
          value={connectionId}
          onChange={setConnectionId}
          placeholder="Select a connection"
          style={{ minWidth: 320 }}
        />
        {canCreate?.can && (
          <Button icon={<PlusOutlined />} onClick={() => create.show()}>
            Create a connection
          </Button>
        )}
        <Button icon={<SendOutlined />} onClick={() => request.show()}>
          Request a new connection
        </Button>
      </Space>
      {requested && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="Your request was sent to an administrator"
          description="When an administrator approves it, the connection appears in this list."
        />
      )}
      {fromSpecification && (
        <>
          <Typography.Paragraph style={{ marginTop: 24 }}>
            No connection yet? Upload the service&apos;s specification (its <code>$metadata</code> document)
            to build the integration now.
          </Typography.Paragraph>
          <SpecificationUpload integration={integration} onUploaded={onNext} />
        </>
      )}
      <StepActions
        onNext={next}
        nextDisabled={!connectionId && !integration.specificationId}
        loading={isRunning}
      />

      {/* Both modals stay mounted: a form name keeps their field ids (and so their labels) apart. */}
      <Modal {...create.modalProps} title="Create a connection">
        <Form {...create.formProps} name="create-connection" layout="vertical">
          <ConnectionFields environment={environment} provider={provider} />
        </Form>
      </Modal>
      <Modal {...request.modalProps} title="Request a new connection" okText="Send request">
        <Form {...request.formProps} name="request-connection" layout="vertical">
          <Alert
            style={{ marginBottom: 16 }}
            type="info"
            message="Enter every detail the administrator needs to create the connection."
          />
          <ConnectionFields environment={environment} provider={provider} withNote />
        </Form>
      </Modal>
    </>
  );
};
