import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { hostNameProblem } from '@ib/connectors';
import { Omittable } from '../infrastructure/http/omittable.decorator';

/** A malformed host is bad input now, not a server that cannot be reached at the first test. */
const IsHostName = () =>
  ValidateBy({
    name: 'isHostName',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || hostNameProblem(value) === undefined,
      defaultMessage: (args) =>
        `${args?.property ?? 'host'} ${typeof args?.value === 'string' ? (hostNameProblem(args.value) ?? '') : ''}`,
    },
  });

/** Where a connection points; the password travels beside it, never inside it. */
export class ConnectionDetailsBody {
  @ApiPropertyOptional({
    example: 'db.example.com',
    description: 'A host name or IP address (IPv6 without brackets); no port, URL or instance in it',
  })
  @Omittable()
  @IsString()
  @MaxLength(255)
  @IsHostName()
  host?: string;

  @ApiPropertyOptional({ example: 3306 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(128)
  database?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(128)
  username?: string;

  @ApiPropertyOptional({
    description: 'SQLite: file path relative to the databases folder',
    example: 'sample.sqlite',
  })
  @Omittable()
  @IsString()
  @MaxLength(1024)
  path?: string;

  @ApiPropertyOptional({
    description: 'OData: the service root URL (http or https, no credentials in it)',
    example: 'https://services.example.com/odata/v4/shop/',
  })
  @Omittable()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Omittable()
  @IsObject()
  options?: Record<string, string | number | boolean>;
}
