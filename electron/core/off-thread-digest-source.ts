import { RELEASE_NOW_SOURCE } from './release-now';

/**
 * The hashing worker's CommonJS source (off-thread-digest.ts runs it through hashing-worker.ts):
 * one set of hashes per job id. Each pool buffer is sent back once hashed; a caller's own buffer
 * (`own`) comes back with the job's answer. A buffer sent with `opens` holds one sealed chunk of a
 * vault blob (AES-256-GCM, tag last): the worker authenticates and decrypts it, writes the plaintext
 * over it, hashes that and sends the buffer back with the plaintext's length (-1: it did not
 * authenticate, nothing of it is hashed or kept). CRC-32 comes from the module the caller loaded
 * (crc32.ts), by its path (an evaluated worker resolves no packages of its own), else from zlib,
 * which gives the same values. A caller's own buffer sent with `seals` (the whole of an original) is
 * also sealed into a new blob file once hashed, each chunk encrypted with the nonce given for it, and
 * the answer carries the file open (`fd`) or why it could not be written (`sealError`, the file removed).
 */
export const HASHING_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, createHash } = require('node:crypto');
const { closeSync, openSync, rmSync, writevSync } = require('node:fs');
const { crc32 } = (() => {
  try {
    return require(workerData.crc32Module);
  } catch {
    return require('node:zlib');
  }
})();
${RELEASE_NOW_SOURCE}
const TAG = 16;
const jobs = new Map();
function opened(o, bytes) {
  if (bytes.length < TAG) return -1;
  try {
    const decipher = createDecipheriv('aes-256-gcm', o.key, o.nonce);
    decipher.setAAD(o.aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
    const plain = decipher.update(bytes.subarray(0, bytes.length - TAG));
    decipher.final();
    bytes.set(plain);
    const length = plain.length;
    releaseNow(plain);
    return length;
  } catch {
    return -1;
  }
}
function sealed(s, bytes) {
  const parts = [s.header];
  s.nonces.forEach((nonce, i) => {
    const cipher = createCipheriv('aes-256-gcm', s.key, nonce);
    cipher.setAAD(s.header);
    parts.push(cipher.update(bytes.subarray(i * s.chunkSize, (i + 1) * s.chunkSize)));
    cipher.final();
    parts.push(cipher.getAuthTag());
  });
  try {
    const fd = openSync(s.path, 'wx', 0o600);
    try {
      writevSync(fd, parts);
      return fd;
    } catch (e) {
      closeSync(fd);
      rmSync(s.path, { force: true });
      throw e;
    }
  } finally {
    for (const part of parts.slice(1)) releaseNow(part);
  }
}
function sealAnswer(m) {
  try {
    return { fd: sealed(m.seals, new Uint8Array(m.buffer, 0, m.length)) };
  } catch (e) {
    return { sealError: { message: e.message, code: e.code } };
  }
}
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (!job && !m.drop) {
    const hash = (name) => (m[name] ? createHash(name) : null);
    job = { sha256: hash('sha256'), sha512: hash('sha512'), md5: hash('md5'), crc: m.crc32 ? 0 : null };
    jobs.set(m.id, job);
  }
  if (m.buffer) {
    let bytes = new Uint8Array(m.buffer, 0, m.length);
    const plainLength = m.opens ? opened(m.opens, bytes) : m.length;
    if (job && plainLength >= 0) {
      bytes = bytes.subarray(0, plainLength);
      job.sha256?.update(bytes);
      job.sha512?.update(bytes);
      job.md5?.update(bytes);
      if (job.crc !== null) job.crc = crc32(bytes, job.crc);
    }
    if (m.opens) parentPort.postMessage({ id: m.id, opened: m.buffer, length: plainLength }, [m.buffer]);
    else if (!m.own) parentPort.postMessage({ buffer: m.buffer }, [m.buffer]);
  }
  if (m.drop) jobs.delete(m.id);
  else if (m.end) {
    jobs.delete(m.id);
    const hex = (hash) => (hash ? hash.digest('hex') : null);
    const answer = { id: m.id, sha256: hex(job.sha256), sha512: hex(job.sha512), md5: hex(job.md5), crc32: job.crc };
    if (m.seals) Object.assign(answer, sealAnswer(m));
    if (m.own) parentPort.postMessage({ ...answer, buffer: m.buffer }, [m.buffer]);
    else parentPort.postMessage(answer);
  }
});`;
