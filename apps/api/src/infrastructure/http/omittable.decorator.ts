import { ValidateIf } from 'class-validator';

/**
 * An optional field: it may be left out, but not sent as `null` (class-validator's IsOptional lets
 * null through, while the API document declares these fields with a type that null is not).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
