/**
 * An organisation's own update server, on 127.0.0.1 over HTTPS with a fresh self-signed
 * certificate: it serves the update manifest and the packages `npm run package` wrote, and can
 * be given a newer version while the browser runs (Chromium fetches it with
 * `--ignore-certificate-errors`, as it fetches the fixture pages).
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface UpdateServer {
  /** The https://127.0.0.1:PORT/ origin, with the trailing slash. */
  readonly origin: string;
  /** Serves `data` at `pathname` (e.g. '/updates.xml') from now on. */
  put(pathname: string, data: Uint8Array, contentType: string): void;
  /** The paths requested so far, in order (without their query). */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

export async function startUpdateServer(): Promise<UpdateServer> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const files = new Map<string, { data: Uint8Array; contentType: string }>();
  const requested: string[] = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const pathname = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    requested.push(pathname);
    const file = files.get(pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.data.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}/`,
    put(pathname, data, contentType) {
      files.set(pathname, { data, contentType });
    },
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
