import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import { type HistoryActor, type HistoryEntry } from './history-entries';
import { type StateChange } from './state-diff';

@ApiSchema({ name: 'HistoryActor' })
export class HistoryActorSchema implements HistoryActor {
  @ApiProperty({ description: 'The user id (or `system`, or the id of an actor that is no user)' })
  id!: string;

  @ApiProperty({ description: 'The username (the id itself for an actor that is no user)' })
  username!: string;
}

/** Any JSON value (a field of the object, or a part of one). */
const JSON_VALUE: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object' },
    { type: 'array', items: {} },
  ],
  nullable: true,
};

@ApiSchema({ name: 'StateChange' })
export class StateChangeSchema implements StateChange {
  @ApiProperty({
    example: '/entities/Album/attributes/Title/nullable',
    description:
      'JSON Pointer into the object as its GET answers it; an element of a list of things with a distinct ' +
      '`id`, `name` or `environment` is named by it instead of its index. Empty: the whole object',
  })
  path!: string;

  @ApiPropertyOptional({
    ...JSON_VALUE,
    description: 'The value before the event; absent when the event added it',
  })
  before?: unknown;

  @ApiPropertyOptional({
    ...JSON_VALUE,
    description: 'The value after the event; absent when the event removed it',
  })
  after?: unknown;
}

/** One event of an object with what it changed in the object's state. */
@ApiSchema({ name: 'HistoryEntry' })
export class HistoryEntrySchema implements HistoryEntry {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      "The object's version after the event (its ETag then; `?version=` answers that state). Events of " +
      "other streams that the object's view reads (an integration's publications) keep the version",
  })
  version!: number;

  @ApiProperty({ example: 'IntegrationDetailsChanged', description: 'The stored event type' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: HistoryActorSchema })
  actor!: HistoryActorSchema;

  @ApiProperty({
    type: [StateChangeSchema],
    description: "What the event changed in the object's state (its creation: every field)",
  })
  changes!: StateChangeSchema[];
}
