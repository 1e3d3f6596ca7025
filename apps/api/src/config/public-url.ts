/**
 * PUBLIC_URL: where people reach the console, the base of the links in messages. Defaults to this
 * process on localhost; a trailing slash is dropped so links can be joined as `${publicUrl}/path`.
 */
export function publicUrl(raw: string | undefined, port: number, problems: string[]): string {
  const value = raw?.trim();
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push('PUBLIC_URL must be an http:// or https:// URL, such as https://ib.example.com');
    return `http://localhost:${port}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    problems.push('PUBLIC_URL must be an http:// or https:// URL, such as https://ib.example.com');
  else if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    problems.push('PUBLIC_URL takes no user, password, query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
