import { type TestApp, bearer } from './test-app';

/** File names in a ustar archive (one 512-byte header per file, contents padded to 512 bytes). */
export const tarEntries = (bytes: Buffer): Map<string, string> => {
  const entries = new Map<string, string>();
  for (let offset = 0; offset + 512 <= bytes.length;) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
    entries.set(name, bytes.subarray(offset + 512, offset + 512 + size).toString('utf8'));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
};

/** Collects a binary body (supertest buffers only text and JSON by itself). */
export const binary = (response: unknown, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = response as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** The manifest of a published version, from its downloaded package. */
export async function manifestOf(
  t: TestApp,
  token: string,
  integrationId: string,
  version: number,
): Promise<Record<string, unknown>> {
  const response = await t
    .http()
    .get(`/api/integrations/${integrationId}/versions/${version}/package`)
    .set(bearer(token))
    .buffer(true)
    .parse(binary)
    .expect(200);
  return JSON.parse(tarEntries(response.body as Buffer).get('manifest.json') ?? '{}') as Record<
    string,
    unknown
  >;
}
