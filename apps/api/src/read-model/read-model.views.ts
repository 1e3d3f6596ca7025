import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { READ_MODEL_PROJECTIONS } from './projections';
import { VIEW_ENTITIES } from './read-model.entities';

/**
 * The views the read model still defines itself, each projection with its table. The application's
 * full list adds those of the contexts that own theirs (see app.views.ts).
 */
export const READ_MODEL_VIEWS: readonly ProjectedView[] = READ_MODEL_PROJECTIONS.map((projection) => {
  const entity = VIEW_ENTITIES[projection.name];
  if (entity === undefined) throw new Error(`No read-model table for projection ${projection.name}`);
  return { projection, entity };
});
