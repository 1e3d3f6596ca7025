import { ReadModelMigration } from './read-model-migration';

/**
 * The connection bindings also hold the connection each integration is built on, so that one cannot be
 * deleted under it either. The view's rows and checkpoint are dropped: the projection runner folds it
 * again from position 0 at start, integrations' events included (the event store is the source of truth).
 */
export class OwnConnectionBindings0017 extends ReadModelMigration {
  override name = '0017-own-connection-bindings';

  override up(): void {
    this.addSql('delete from `connection_bindings`');
    this.addSql("delete from `projection_checkpoints` where `name` = 'connection_bindings'");
  }

  override down(): void {
    // The rows an older build does not know are only ever looked up by connection: they can stay.
  }
}
