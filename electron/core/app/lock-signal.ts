import { createConnection, createServer, type Server } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';

/**
 * `jejak lock` reaches a running Jejak of the same user through a local socket (a named pipe on
 * Windows) that understands one word. Anyone who can reach it can only lock, never read.
 */
export function lockSocketPath(dataDir: string, platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\jejak-lock-${userInfo().username}`;
  return join(dataDir, 'jejak-lock.sock');
}

export function listenForLock(dataDir: string, onLock: () => void): Server {
  const path = lockSocketPath(dataDir);
  if (process.platform !== 'win32') {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    rmSync(path, { force: true });
  }
  const server = createServer((socket) => {
    socket.setTimeout(2000, () => socket.destroy());
    socket.once('data', (data) => {
      if (data.toString('utf8').trim() === 'lock') {
        onLock();
        socket.end('locked\n');
      } else socket.destroy();
    });
  });
  // Without the socket only `jejak lock` stops working; the app itself carries on.
  server.on('error', (e) => console.error(`[jejak] lock socket unavailable: ${e.message}`));
  server.listen(path, () => {
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  });
  server.unref();
  return server;
}

/** Resolves true when a running app answered, false when none is listening. */
export function sendLock(dataDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(lockSocketPath(dataDir));
    socket.setTimeout(3000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('lock\n'));
    socket.once('data', (d) => {
      socket.end();
      resolve(d.toString('utf8').startsWith('locked'));
    });
  });
}
