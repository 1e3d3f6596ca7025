import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * What the notifications reactor told each user (read by them in the console), and what the mailer
 * sent of it by email: one delivery per notification, recorded before it is sent. New tables only:
 * both reactors start at the head, so history is never notified.
 */
export class Notifications0011 extends ReadModelMigration {
  override name = '0011-notifications';

  override up(): void {
    this.addSql(
      this.ddl.createTable('notifications', {
        id: column.string().primary(),
        user_id: column.string(),
        kind: column.string(),
        title: column.text(),
        body: column.text(),
        link: column.string(),
        event_id: column.string(),
        position: column.bigint(),
        environment: column.string().nullable(),
        created_at: column.string(),
        read_at: column.string().nullable(),
      }),
    );
    this.addSql(this.ddl.createIndex('notifications', ['user_id', 'position']));
    this.addSql(this.ddl.createIndex('notifications', ['event_id']));
    this.addSql(this.ddl.createIndex('notifications', ['position']));
    this.addSql(
      this.ddl.createTable('mail_deliveries', {
        id: column.string().primary(),
        recipient: column.string(),
        state: column.string(),
        attempts: column.integer(),
        last_error: column.text().nullable(),
        sent_at: column.string().nullable(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('mail_deliveries'));
    this.addSql(this.ddl.dropTable('notifications'));
  }
}
