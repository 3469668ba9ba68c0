// A loopback TCP proxy in front of PostgreSQL that notes, for each connection, when it opened, when the client sent
// its startup message and when it sent its first query (a simple-protocol Query 'Q' or an extended-protocol Parse
// 'P'), by reading the frontend side of the wire protocol. It forwards every byte unchanged. Used to time a
// process's start-to-first-query from outside the process, against any server.
import { createServer, connect } from 'node:net';
import { nowMs } from './proc.mjs';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

function watcher(record) {
  let pending = Buffer.alloc(0);
  let typed = false;
  let done = false;
  return (chunk) => {
    if (done) return;
    const at = nowMs();
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!typed) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        const code = pending.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          record.encrypted = true; // the rest may be TLS: nothing more can be read
          done = true;
          return;
        }
        if (pending.length < length) return;
        record.startupAt = at;
        pending = pending.subarray(length);
        typed = true;
        continue;
      }
      if (pending.length < 5) return;
      const type = String.fromCharCode(pending[0]);
      const length = pending.readInt32BE(1);
      if (type === 'Q' || type === 'P') {
        record.firstQueryAt = at;
        record.firstQueryType = type === 'Q' ? 'simple Query' : 'extended Parse';
        if (pending.length >= 1 + length) {
          const body = pending.subarray(5, 1 + length);
          const text = type === 'Q' ? body : body.subarray(body.indexOf(0) + 1);
          record.firstQuery = text
            .subarray(0, Math.max(0, text.indexOf(0)))
            .toString('utf8')
            .slice(0, 120);
        }
        done = true;
        return;
      }
      if (pending.length < 1 + length) return;
      pending = pending.subarray(1 + length);
    }
  };
}

/** Listens on 127.0.0.1:<random>; `connections` lists one record per accepted connection. */
export async function startProxy(targetHost, targetPort) {
  const connections = [];
  const sockets = new Set();
  const server = createServer((client) => {
    const record = { openedAt: nowMs() };
    connections.push(record);
    const upstream = connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const observe = watcher(record);
    client.on('data', (chunk) => {
      observe(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
