import { type AppConfig } from '../../config/app-config';

/** The base of the console links in messages (PUBLIC_URL), without a trailing slash. */
export const PUBLIC_URL = Symbol('PUBLIC_URL');

export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** PUBLIC_URL as the configuration holds it, once it does; the embedded default until then. */
export const publicUrlOf = (config: AppConfig): string => {
  const configured = (config as AppConfig & Readonly<{ publicUrl?: unknown }>).publicUrl;
  const url = typeof configured === 'string' && configured !== '' ? configured : DEFAULT_PUBLIC_URL;
  return url.replace(/\/+$/, '');
};
