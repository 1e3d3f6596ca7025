import { ConnectorError, checkConnectorDetails } from '@ib/connectors';
import { type ConnectionDetails, ValidationError } from '@ib/domain';

/**
 * A connection is checked when it is described (created or requested) by the rules its connector
 * applies when it opens it, instead of being stored and failing at first use: known options of the
 * right types and ranges, a host and user where the provider needs them, a SQLite file inside the
 * databases folder (a file that does not exist yet passes: it may be copied there later).
 */
export function assertConnectionDetails(
  databasesDir: string,
  connection: Readonly<{ provider: string; details?: ConnectionDetails }>,
  code: string,
): void {
  try {
    checkConnectorDetails({
      provider: connection.provider as Parameters<typeof checkConnectorDetails>[0]['provider'],
      details: connection.details ?? {},
      sqliteRoot: databasesDir,
    });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    switch (error.code) {
      case 'CONNECTOR.PATH_NOT_ALLOWED':
        throw new ValidationError(code, 'The connection is invalid', [
          { field: 'details.path', message: 'must name a file inside the databases folder' },
        ]);
      case 'CONNECTOR.INVALID_OPTIONS':
        throw new ValidationError(code, 'The connection is invalid', [
          { field: 'details', message: error.message },
        ]);
      default:
        // An unknown or unavailable provider is the decider's to name.
        return;
    }
  }
}
