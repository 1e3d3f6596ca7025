import { useEffect, useRef, useState } from 'react';
import { useGo, useOne, useParsed, type HttpError } from '@refinedev/core';
import { Create, useStepsForm } from '@refinedev/antd';
import { Form, Skeleton, Steps } from 'antd';
import { ProviderPicker } from '../../components/provider-picker';
import { clearFormDraft, readFormDraft, useDraftState, useFormDraft } from '../../components/use-form-draft';
import { currentEnvironment } from '../../providers/session';
import type { Integration, IntegrationDraft } from '../../types';
import { ConnectStep } from './steps/connect-step';
import { DatabaseStep } from './steps/database-step';
import { ReviewStep } from './steps/review-step';
import { SettingsStep } from './steps/settings-step';
import { StepActions } from './steps/step-actions';
import { TablesStep } from './steps/tables-step';

const STEPS = ['Provider', 'Settings', 'Connect', 'Database', 'Tables', 'Review'];
const CONNECT = 2;
/** The first two steps' values and which of them shows, kept until the draft is created. */
const DRAFT = 'integration-create';
const DRAFT_STEP = 'integration-create.step';

/** Where a draft left off: the first step whose choice is still missing. */
const resumeStep = ({ connectionId, specificationId, database, entities }: Integration): number =>
  !connectionId && !specificationId ? CONNECT : !database ? 3 : entities.length === 0 ? 4 : 5;

/** gotoStep validates the mounted fields first; a failure is already shown beside them. */
const quietly = (attempt: Promise<unknown> | true): void =>
  void Promise.resolve(attempt).catch(() => undefined);

/**
 * The create-integration wizard. Steps 1-2 are one form that creates the draft; steps 3-6 are
 * commands on that draft. `/integrations/edit/:id` resumes a draft at its first open step. What a
 * step holds unsent (names, the chosen database or tables) is kept in the tab until it is sent, so a
 * session that expires mid-wizard brings the user back to it (see useFormDraft).
 */
export const IntegrationCreate = () => {
  const go = useGo();
  const { id: routeId } = useParsed();
  const [createdId, setCreatedId] = useState<string>();
  const integrationId = createdId ?? (routeId === undefined ? undefined : String(routeId));
  const [keptStep, keepStep] = useDraftState<number>(DRAFT_STEP, 0);

  const stepsForm = useStepsForm<Integration, HttpError, IntegrationDraft>({
    resource: 'integrations',
    action: 'create',
    redirect: false,
    // Back on the step the user left (a session that expired), once its provider came back with it.
    defaultCurrent: integrationId ? CONNECT : readFormDraft(DRAFT)?.provider ? keptStep : 0,
    successNotification: { type: 'success', message: 'Draft integration created' },
    onMutationSuccess: ({ data }) => {
      clearFormDraft(DRAFT);
      clearFormDraft(DRAFT_STEP);
      setCreatedId(data.id);
      quietly(stepsForm.gotoStep(CONNECT));
      // The draft now has an address: a reload or a bookmark resumes it instead of starting over.
      go({ to: { resource: 'integrations', action: 'edit', id: data.id }, type: 'replace' });
    },
  });
  const { current, gotoStep, formProps, formLoading } = stepsForm;
  const draftProps = useFormDraft(formProps, DRAFT);
  useEffect(() => {
    if (integrationId === undefined && current < CONNECT && current !== keptStep) keepStep(current);
  }, [integrationId, current, keptStep, keepStep]);

  const { result: integration } = useOne<Integration>({
    resource: 'integrations',
    id: integrationId,
    queryOptions: { enabled: integrationId !== undefined },
  });

  const resumed = useRef(false);
  useEffect(() => {
    if (!integration || createdId || resumed.current) return;
    resumed.current = true;
    quietly(gotoStep(resumeStep(integration)));
  }, [integration, createdId, gotoStep]);

  const to = (step: number) => () => quietly(gotoStep(step));
  const draftStep = (draft: Integration) => {
    switch (current) {
      case CONNECT:
        return <ConnectStep integration={draft} onNext={to(3)} />;
      case 3:
        return <DatabaseStep integration={draft} onBack={to(CONNECT)} onNext={to(4)} />;
      case 4:
        return <TablesStep integration={draft} onBack={to(3)} onNext={to(5)} />;
      default:
        return <ReviewStep integration={draft} onBack={to(4)} />;
    }
  };

  return (
    <Create
      title={routeId === undefined || createdId ? 'Create integration' : 'Edit integration'}
      contentProps={{ actions: [] }}
    >
      <Steps current={current} items={STEPS.map((title) => ({ title }))} style={{ marginBottom: 32 }} />
      <Form<IntegrationDraft>
        {...(integrationId === undefined ? draftProps : formProps)}
        layout="vertical"
        style={{ maxWidth: current === 0 ? undefined : 640 }}
        onFinish={(values) => formProps.onFinish?.({ ...values, environment: currentEnvironment() })}
      >
        {integrationId === undefined && (
          <Form.Item
            name="provider"
            hidden={current !== 0}
            rules={[{ required: true, message: 'Choose a provider' }]}
          >
            <ProviderPicker />
          </Form.Item>
        )}
        {current === 0 && <StepActions onNext={to(1)} />}
        {current === 1 && (
          <>
            <SettingsStep />
            <StepActions onBack={to(0)} nextLabel="Create draft" submit loading={formLoading} />
          </>
        )}
      </Form>
      {current >= CONNECT && (integration ? draftStep(integration) : <Skeleton active />)}
    </Create>
  );
};
