import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type ConnectionDetails } from '@ib/domain';

/** Where a connection points, as answered: never a password (that lives in the secret store). */
@ApiSchema({ name: 'ConnectionDetails' })
export class ConnectionDetailsSchema implements ConnectionDetails {
  @ApiPropertyOptional({ example: 'db.example.com' })
  host?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 65535, example: 3306 })
  port?: number;

  @ApiPropertyOptional({ example: 'orders' })
  database?: string;

  @ApiPropertyOptional({ example: 'app' })
  username?: string;

  @ApiPropertyOptional({
    example: 'sample.sqlite',
    description: 'SQLite: file path relative to the databases folder',
  })
  path?: string;

  @ApiPropertyOptional({
    example: 'https://services.example.com/odata/v4/shop/',
    description: 'OData: the service root URL',
  })
  url?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Driver options (TLS, timeouts, pool size, SQL Server instance name...)',
  })
  options?: Record<string, string | number | boolean>;
}
