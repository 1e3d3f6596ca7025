import { Injectable, Logger } from '@nestjs/common';
import { type ActiveConnection } from '@ib/domain';
import { type Connector, ConnectorError } from '@ib/connectors';
import { OpenConnectors } from './open-connectors';

/**
 * How a connection answered a probe: `latencyMs` from opening a connector to the test's answer; a
 * failure names its code and a message fit to show (no secret).
 */
export type ProbeResult =
  | Readonly<{ ok: true; latencyMs: number; serverVersion: string }>
  | Readonly<{ ok: false; code: string; message: string }>;

const failure = (error: unknown): ProbeResult =>
  error instanceof ConnectorError
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, code: 'CONNECTOR.UNREACHABLE', message: 'The connection test failed' };

/**
 * Whether a connection's database answers now: the connector's own connection test on a connector
 * opened for it alone (see OpenConnectors.openUnshared), given up after `timeoutMs`. It never throws:
 * a connection that does not answer is a result, not an error.
 */
@Injectable()
export class ConnectionProbe {
  private readonly logger = new Logger(ConnectionProbe.name);

  constructor(private readonly connectors: OpenConnectors) {}

  async probe(connection: ActiveConnection, timeoutMs: number): Promise<ProbeResult> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            code: 'CONNECTOR.TIMEOUT',
            message: `The database did not answer within ${timeoutMs} ms`,
          }),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.test(connection), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connector whenever the test ends, also after the probe gave up waiting for it. */
  private async test(connection: ActiveConnection): Promise<ProbeResult> {
    let connector: Connector | undefined;
    const started = performance.now();
    try {
      connector = await this.connectors.openUnshared(connection);
      const { serverVersion } = await connector.testConnection();
      return { ok: true, latencyMs: Math.round(performance.now() - started), serverVersion };
    } catch (error) {
      return failure(error);
    } finally {
      await connector?.close().catch((error: unknown) => {
        this.logger.warn(`A probe's connector did not close cleanly: ${String(error)}`);
      });
    }
  }
}
