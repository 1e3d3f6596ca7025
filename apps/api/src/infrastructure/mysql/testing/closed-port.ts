import { createServer, type Server } from 'node:net';

/** A port nothing listens on: a server that was there once and is gone. */
export async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}
