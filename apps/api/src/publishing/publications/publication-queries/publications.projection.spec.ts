import { type PublicationEvent, publicationStreamId } from '@ib/domain';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';
import { publicationsProjection, type PublicationView } from './publications.projection';

const publicationId = 'pub-1';
const integrationId = 'int-1';
const ref = { publicationId, integrationId };
const at = (minute: number) => `2025-03-04T05:0${minute}:00.000Z`;
const dependencies = [{ name: 'integration-manager', version: '1.0.0' }];

const requested: PublicationEvent = {
  type: 'IntegrationPublishRequested',
  data: {
    ...ref,
    integrationVersion: 4,
    version: 2,
    environment: 'dev',
    requestedBy: 'alice',
    requestedAt: at(0),
  },
};
const validated: PublicationEvent = {
  type: 'SchemaValidated',
  data: { ...ref, tables: ['customers'], validatedAt: at(1) },
};
const generated: PublicationEvent = {
  type: 'PackageGenerated',
  data: { ...ref, packageHash: 'sha256:abc', generatorVersion: '1.0.0', generatedAt: at(2) },
};
const checked: PublicationEvent = {
  type: 'DependenciesChecked',
  data: { ...ref, dependencies, checkedAt: at(3) },
};
const published: PublicationEvent = {
  type: 'IntegrationPublished',
  data: {
    ...ref,
    integrationVersion: 4,
    version: 2,
    environment: 'dev',
    packageHash: 'sha256:abc',
    publishedAt: at(4),
  },
};

const running: PublicationView = {
  id: publicationId,
  integrationId,
  integrationVersion: 4,
  version: 2,
  environment: 'dev',
  status: 'running',
  steps: [
    { step: 'validateSchema', status: 'pending' },
    { step: 'generatePackage', status: 'pending' },
    { step: 'checkDependencies', status: 'pending' },
    { step: 'publish', status: 'pending' },
  ],
  requestedBy: 'alice',
  requestedAt: at(0),
};

const history = (...events: PublicationEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(publicationStreamId(publicationId), event));
};
const given = ProjectionSpecification.for(publicationsProjection);

describe('publications projection', () => {
  it('shows a requested publication as running, with its four steps pending', () => {
    const [wasRequested] = history(requested);
    given([])
      .when(wasRequested)
      .then({ [publicationId]: running });
  });

  it('marks each step done when it happened, and the publication published with its package', () => {
    const [wasRequested, ...steps] = history(requested, validated, generated, checked, published);
    given([wasRequested])
      .when(...steps)
      .then({
        [publicationId]: {
          ...running,
          status: 'published',
          steps: [
            { step: 'validateSchema', status: 'done', at: at(1) },
            { step: 'generatePackage', status: 'done', at: at(2) },
            { step: 'checkDependencies', status: 'done', at: at(3) },
            { step: 'publish', status: 'done', at: at(4) },
          ],
          packageHash: 'sha256:abc',
          generatorVersion: '1.0.0',
          dependencies,
          finishedAt: at(4),
        },
      });
  });

  it('marks the failed step and keeps the steps after it pending, with the reason', () => {
    const [wasRequested, failed] = history(requested, {
      type: 'IntegrationPublishFailed',
      data: {
        ...ref,
        version: 2,
        reason: "Table 'orders' no longer exists",
        failedStep: 'validateSchema',
        failedAt: at(1),
      },
    });
    given([wasRequested])
      .when(failed)
      .then({
        [publicationId]: {
          ...running,
          status: 'failed',
          steps: [{ step: 'validateSchema', status: 'failed', at: at(1) }, ...running.steps.slice(1)],
          reason: "Table 'orders' no longer exists",
          failedStep: 'validateSchema',
          finishedAt: at(1),
        },
      });
  });

  it('keeps the hash of a package generated before a later step failed', () => {
    const [wasRequested, wasValidated, wasGenerated, failed] = history(requested, validated, generated, {
      type: 'IntegrationPublishFailed',
      data: { ...ref, version: 2, reason: 'Registry down', failedStep: 'checkDependencies', failedAt: at(3) },
    });
    given([wasRequested, wasValidated, wasGenerated])
      .when(failed)
      .then({
        [publicationId]: {
          ...running,
          status: 'failed',
          steps: [
            { step: 'validateSchema', status: 'done', at: at(1) },
            { step: 'generatePackage', status: 'done', at: at(2) },
            { step: 'checkDependencies', status: 'failed', at: at(3) },
            { step: 'publish', status: 'pending' },
          ],
          reason: 'Registry down',
          failedStep: 'checkDependencies',
          packageHash: 'sha256:abc',
          generatorVersion: '1.0.0',
          finishedAt: at(3),
        },
      });
  });

  it('shows nothing for the steps of a publication it never saw requested', () => {
    const [wasValidated] = history(validated);
    given([]).when(wasValidated).then({});
  });
});
