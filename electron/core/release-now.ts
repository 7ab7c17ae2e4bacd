import { MessageChannel } from 'node:worker_threads';

/**
 * `releaseNow(bytes)`: gives a buffer's memory back at once instead of at the next garbage
 * collection. The caller must not touch the buffer again (it is detached: length 0).
 *
 * Why: a thread that allocates little JavaScript is collected seldom, and what its buffers hold
 * waits for that. Node's decipher.update returns each chunk in a new buffer and has no form that
 * writes into one the caller holds: decrypting a 1 GiB export, the hashing worker made a 1 MiB
 * buffer per chunk, copied it into the pool and dropped it, and 30-35 MiB of them were alive at
 * the export's peak (an LD_PRELOAD malloc tracker here). The report PDF's blocks, once spooled,
 * waited the same way on the export's thread.
 *
 * How: moving (transferring) an ArrayBuffer detaches it from this thread. Sent on a port whose
 * other end is closed, the message is dropped there and then, and the memory with it (until that
 * close has reached the port, a turn after it is made, the messages wait and go with it). Node 20
 * has no ArrayBuffer.prototype.transfer, which would say the same in one line. Only a buffer that
 * owns all of its ArrayBuffer is released: a slice of Node's shared pool is left to the collector.
 *
 * A factory given its one dependency, so that the hashing worker, evaluated from a string, runs
 * this same function (RELEASE_NOW_SOURCE).
 */
function makeReleaseNow(Channel: typeof MessageChannel): (bytes: Uint8Array) => boolean {
  const { port1, port2 } = new Channel();
  port2.close();
  port1.unref();
  return (bytes) => {
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return false;
    port1.postMessage(null, [bytes.buffer as ArrayBuffer]);
    return true;
  };
}

export const releaseNow = makeReleaseNow(MessageChannel);

/** CommonJS source defining `releaseNow` in a worker evaluated from a string. */
export const RELEASE_NOW_SOURCE = `const releaseNow = (${makeReleaseNow.toString()})(require('node:worker_threads').MessageChannel);`;
