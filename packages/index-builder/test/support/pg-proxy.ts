// A loopback TCP proxy in front of PostgreSQL that can break the network the way it breaks in production: cut one
// connection (both sides closed), stall every open connection (nothing forwarded, nothing closed), and refuse new
// connections for a while. A connection is named by the port its upstream side uses, which is the server's
// pg_stat_activity.client_port for that session.
import { createServer, connect, type Socket } from 'node:net';

interface Link {
  client: Socket;
  upstream: Socket;
}

export interface PgProxy {
  port: number;
  /** The URL of `url`'s database through the proxy. */
  through(url: string): string;
  /** Closes the connection whose server session has this client_port. */
  cut(clientPort: number): boolean;
  /** Stops forwarding on every open connection, closing nothing; with `newConnections`, on every new one too. */
  stall(options?: { newConnections?: boolean }): void;
  /** While set, new connections are closed as soon as they open. */
  refuseNew(refuse: boolean): void;
  /** New connections pass again (after refuseNew or a stall of new connections). */
  reset(): void;
  close(): Promise<void>;
}

export async function startPgProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<PgProxy> {
  const links = new Set<Link>();
  let refusing = false;
  const held = new Set<Socket>();
  let holdingNew = false;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    if (holdingNew) {
      // Accepted, and never answered: a network path that has stopped forwarding.
      client.pause();
      held.add(client);
      client.on('error', () => client.destroy());
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const link = { client, upstream };
    links.add(link);
    const close = () => {
      client.destroy();
      upstream.destroy();
      links.delete(link);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut(clientPort) {
      for (const link of links) {
        if (link.upstream.localPort !== clientPort) continue;
        link.client.destroy();
        link.upstream.destroy();
        return true;
      }
      return false;
    },
    stall(options = {}) {
      holdingNew = options.newConnections === true;
      for (const link of links) {
        link.client.pause();
        link.upstream.pause();
      }
    },
    refuseNew(refuse) {
      refusing = refuse;
    },
    reset() {
      refusing = false;
      holdingNew = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        for (const link of links) {
          link.client.destroy();
          link.upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
