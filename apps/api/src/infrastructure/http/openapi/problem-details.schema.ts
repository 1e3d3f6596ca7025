import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type ProblemDetails } from '../problem-details';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'applicationName' })
  field!: string;

  @ApiProperty({ example: 'is required' })
  message!: string;
}

/** The shape of every error answer (RFC 9457), as the schema of `application/problem+json`. */
@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsSchema implements ProblemDetails {
  @ApiProperty({
    example: '/problems/request-invalid',
    description: 'A URI reference naming the kind of problem',
  })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400, minimum: 400, maximum: 599 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields' })
  detail!: string;

  @ApiProperty({ example: 'REQUEST.INVALID', description: 'Stable, machine-readable code' })
  code!: string;

  @ApiPropertyOptional({ example: '/api/integrations', description: 'The path that was asked for' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'One entry per invalid field' })
  errors?: FieldErrorSchema[];
}
