import { DEFAULT_MAIL_FROM, type MailSettings } from '../infrastructure/mail/mail-settings';

type Env = Readonly<Record<string, string | undefined>>;

const SCHEMES: Readonly<Record<string, { secure: boolean; port: number }>> = {
  'smtp:': { secure: false, port: 587 },
  'smtps:': { secure: true, port: 465 },
};
const EXPECTED = 'smtp://user:password@host:port or smtps://user:password@host:port (unset: no mail)';
// An address as a mail header carries it: `local@domain`, alone or in angle brackets after a display
// name. CR and LF are refused everywhere: they would start a header of the sender's choosing.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const NAMED_ADDRESS = /^([^<>\r\n]*)<([^<>]*)>$/;

/**
 * Mail from SMTP_URL and MAIL_FROM: undefined (mail off, in-app notifications still on) unless SMTP_URL
 * is set. Problems name the variable, never the URL: it may hold a password. A server that cannot be
 * reached is not a problem here (the mailer retries).
 */
export function mailSettings(env: Env, problems: string[]): MailSettings | undefined {
  const from = mailFrom(env.MAIL_FROM, problems);
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`SMTP_URL is not a valid URL: expected ${EXPECTED}`);
    return undefined;
  }
  const scheme = SCHEMES[url.protocol.toLowerCase()];
  if (scheme === undefined) {
    problems.push(`SMTP_URL must start with smtp:// or smtps://: expected ${EXPECTED}`);
    return undefined;
  }
  if (url.hostname === '') problems.push('SMTP_URL must name a host');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '')
    problems.push(`SMTP_URL takes no path, query or fragment: expected ${EXPECTED}`);
  if ((url.username === '') !== (url.password === ''))
    problems.push('SMTP_URL must give both a user and a password, or neither');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? scheme.port : Number(url.port),
    secure: scheme.secure,
    ...(url.username !== '' && url.password !== ''
      ? { auth: { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } }
      : {}),
    from,
  };
}

function mailFrom(raw: string | undefined, problems: string[]): string {
  const from = raw?.trim();
  if (!from) return DEFAULT_MAIL_FROM;
  const named = NAMED_ADDRESS.exec(from);
  const address = named ? named[2].trim() : from;
  if (!ADDRESS.test(address) || /[\r\n]/.test(from)) {
    problems.push('MAIL_FROM must be an address, alone or as `Name <address>`');
    return DEFAULT_MAIL_FROM;
  }
  return from;
}
