import { bearer, type TestApp } from '../support/test-app';

/** The files of a ustar archive (regular files only, as the package generator writes them). */
export function readTar(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let offset = 0; offset + 512 <= bytes.length;) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const path = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    files.set(path, bytes.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A published version's package, downloaded as an app developer gets it: file name to text. */
export async function downloadPackage(
  t: TestApp,
  token: string,
  integrationId: string,
  version: number,
): Promise<Map<string, string>> {
  const response = await t
    .http()
    .get(`/api/integrations/${integrationId}/versions/${version}/package`)
    .set(bearer(token))
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const files = readTar(response.body as Buffer);
  return new Map([...files].map(([path, content]) => [path, content.toString('utf8')]));
}

/** Starts the app's HTTP server on a free local port (schemathesis and Node clients call it over HTTP). */
export async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** A new API key of `environment` for an app (shown once, as the admin API answers it). */
export async function apiKey(t: TestApp, adminToken: string, appName: string, environment = 'development') {
  const created = await t
    .http()
    .post(`/api/environments/${environment}/api-keys`)
    .set(bearer(adminToken))
    .send({ appName })
    .expect(201);
  return created.body.key as string;
}
