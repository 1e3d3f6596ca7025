import { Migration } from '@mikro-orm/migrations';
import { Ddl, dialectOf } from './ddl';

/** A read-model migration: its DDL is rendered for the database it runs on (SQLite or MySQL). */
export abstract class ReadModelMigration extends Migration {
  protected get ddl(): Ddl {
    return new Ddl(dialectOf(this.driver.getPlatform()));
  }
}
