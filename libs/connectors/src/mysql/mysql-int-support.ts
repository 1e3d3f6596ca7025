/** Shared by the MySQL int specs (never by product code): the test server and the hard schema. */
import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from '../../../../test/support/mariadb';
import { type MysqlConnectorOptions } from './mysql-options';

/** The connector options of MYSQL_URL (an admin user on the test MariaDB). */
export function optionsFromUrl(url = mysqlUrl()): MysqlConnectorOptions {
  const { hostname, port, username, password } = new URL(url);
  return {
    host: hostname,
    port: Number(port || 3306),
    user: decodeURIComponent(username),
    password: decodeURIComponent(password),
    connectTimeoutMs: 5_000,
  };
}

export async function adminQuery(sql: string, values: unknown[] = []): Promise<unknown> {
  const { host, port, user, password } = optionsFromUrl();
  const connection = await createConnection({ host, port, user, password, multipleStatements: true });
  try {
    const [result] = await connection.query(sql, values);
    return result;
  } finally {
    await connection.end();
  }
}

export const ODD_TABLE = 'Odd `name` "q" [b] 表';

/** Identifiers with spaces, quotes, backticks, brackets, reserved words, Unicode, mixed case; every odd type. */
export const HARD_SCHEMA = `
CREATE TABLE \`Odd \`\`name\`\` "q" [b] 表\` (
  \`Id\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  \`select\` VARCHAR(20) NOT NULL DEFAULT 'it''s',
  \`Mixed Case ü\` ENUM('a','b''c') NULL,
  \`flags\` SET('x','y','z') NOT NULL DEFAULT 'x,y',
  \`yr\` YEAR NULL,
  \`bit1\` BIT(1) NOT NULL DEFAULT b'0',
  \`bits\` BIT(8) NULL,
  \`doc\` JSON NULL,
  \`shape\` POINT NULL,
  \`raw\` BLOB NULL,
  \`price\` DECIMAL(8,2) NOT NULL DEFAULT 0.00,
  \`created\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  \`why?\` VARCHAR(10) NULL,
  UNIQUE KEY \`uq select\` (\`select\`, \`yr\`)
) COMMENT 'odd one';
CREATE TABLE \`no_pk\` (\`a\` INT, \`b\` VARCHAR(10));
CREATE TABLE \`pair\` (
  \`left\` INT NOT NULL,
  \`right key\` VARCHAR(10) NOT NULL,
  \`note\` VARCHAR(20) NULL,
  PRIMARY KEY (\`right key\`, \`left\`)
);
CREATE TABLE \`child\` (
  \`id\` INT NOT NULL PRIMARY KEY,
  \`pair_right\` VARCHAR(10) NULL,
  \`pair_left\` INT NULL,
  CONSTRAINT \`fk child pair\` FOREIGN KEY (\`pair_right\`, \`pair_left\`) REFERENCES \`pair\` (\`right key\`, \`left\`)
);
CREATE VIEW \`odd view\` AS SELECT \`Id\`, \`select\` FROM \`Odd \`\`name\`\` "q" [b] 表\`;
`;
