import { SetMetadata } from '@nestjs/common';

export const ACCEPTS_API_KEY = 'auth:acceptsApiKey';

/** Marks routes an app may call with an `X-API-Key` header instead of a bearer token (the data API). */
export const AcceptsApiKey = () => SetMetadata(ACCEPTS_API_KEY, true);

/** The header and the name of its security scheme in the API description. */
export const API_KEY_HEADER = 'X-API-Key';

/** The challenge of a 401 about an app key (RFC 9110 asks every 401 to name how to authenticate). */
export const API_KEY_CHALLENGE = `ApiKey header="${API_KEY_HEADER}"`;
