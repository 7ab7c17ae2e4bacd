/**
 * CommonJS source of `releaseNow(bytes)`, for a worker evaluated from a string (the hashing worker):
 * gives a buffer's memory back at once instead of at the next garbage collection.
 *
 * Why: Node's decipher.update (and cipher.update) returns each chunk in a new buffer and has no
 * form that writes into one the caller holds. Decrypting a 1 GiB export, the hashing worker made a
 * 1 MiB buffer per chunk, copied it into the pool and dropped it; V8 collected them only when the
 * heap asked, so 30-35 MiB of them were alive at the export's peak (an LD_PRELOAD malloc tracker
 * here), and the allocator's arenas kept what they had grown to.
 *
 * How: moving (transferring) an ArrayBuffer detaches it from this thread. Sent on a port whose
 * other end is closed, the message is dropped there and then, and the memory with it. Node 20 has no
 * ArrayBuffer.prototype.transfer, which would say the same in one line. Only a buffer that owns all
 * of its ArrayBuffer is released (a slice of Node's shared pool is left to the collector); the
 * caller must not touch it again.
 */
export const RELEASE_NOW_SOURCE = `
const releasePort = (() => {
  const { port1, port2 } = new (require('node:worker_threads').MessageChannel)();
  port2.close();
  port1.unref();
  return port1;
})();
function releaseNow(bytes) {
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return false;
  releasePort.postMessage(null, [bytes.buffer]);
  return true;
}
`;
