import { connect, createServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  port: number;
  /** While true, every connection is dropped at once (the SMTP server looks down). */
  down: boolean;
  /** Connections dropped so far. */
  dropped: number;
  close(): Promise<void>;
}

/** A TCP proxy in front of a local server (the SMTP sink) that can play an outage. */
export async function startFlakyProxy(targetPort: number): Promise<FlakyProxy> {
  const sockets = new Set<Socket>();
  const proxy: FlakyProxy = { port: 0, down: false, dropped: 0, close: () => Promise.resolve() };
  const server = createServer((client) => {
    if (proxy.down) {
      proxy.dropped += 1;
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.close = () =>
    new Promise<void>((done) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => done());
    });
  return proxy;
}
