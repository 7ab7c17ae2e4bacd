import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseOrThrow } from '../catalog/channels';
import { JejakError } from '../errors';
import { TurnBudget } from '../in-turns';
import type { Policy } from '../policy/policy';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import { SNIFF_BYTES, sniffMediaType } from './media';
import {
  type IntakeMeta,
  type IntakeOptions,
  type IntakeOutcome,
  analyseOriginal,
  duplicateIntake,
  indexRecorded,
  recordEvidence,
} from './intake-record';
import { evidenceIdBySha256 } from './pdq-index';

export type { IntakeMeta, IntakeOptions, IntakeOutcome } from './intake-record';

/** Files up to this size are read once into memory, so the bytes hashed, stored and analysed are one copy. */
export const IN_MEMORY_LIMIT = 64 * 1024 * 1024;

type Source = { kind: 'bytes'; bytes: Buffer } | { kind: 'path'; path: string; size: number };

/**
 * Turns across single intakes. A small original is read, hashed, stored and made durable in 3-4 ms
 * of synchronous calls, so a caller's loop of intakeFile took no turn at all: 1,000 files held the
 * thread for the whole of their 3-4 s (`npm run bench -- vault`, one by one). Each intake now starts
 * with a turn once those before it have held the thread this long (intakeFiles has its own).
 */
const singleIntakeTurns = new TurnBudget(15);

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Checks everything the analyst typed before a byte is read, so a bad URL loses nothing. */
export function checkMeta(meta: Partial<IntakeMeta>): void {
  if (meta.sourceUrl) parseOrThrow(meta.sourceUrl);
  if (meta.capturedAt && Number.isNaN(Date.parse(meta.capturedAt))) {
    throw new JejakError(
      'INVALID_INPUT',
      `"${meta.capturedAt}" is not a date and time (use ISO 8601, e.g. 2026-11-28T10:15:00+07:00).`,
    ).because('intakeError.bad-capture-time', { value: meta.capturedAt });
  }
}

/** The file's size and time, or why it cannot be taken in. */
export function statOriginal(path: string): { size: number; fileTime: string } {
  let info;
  try {
    // Synchronous on purpose: for a screenshot the async round trips cost more than the read.
    info = statSync(path);
  } catch {
    throw new JejakError(
      'UNREADABLE',
      `Cannot read ${basename(path)}: the file does not exist or is not accessible.`,
    ).because('intakeError.unreadable', { name: basename(path) });
  }
  if (!info.isFile())
    throw new JejakError('UNREADABLE', `${basename(path)} is not a regular file.`).because('intakeError.not-a-file', {
      name: basename(path),
    });
  return { size: info.size, fileTime: info.mtime.toISOString() };
}

export function refuseEmpty(size: number, meta: IntakeMeta): void {
  if (size === 0)
    throw new JejakError(
      'INVALID_INPUT',
      `${meta.originalName || 'The file'} is empty (0 bytes): there is nothing to keep as evidence.`,
    ).because('intakeError.empty', { name: meta.originalName });
}

export async function intakeFile(
  session: VaultSession,
  policy: Policy,
  path: string,
  meta: Partial<IntakeMeta> = {},
  opts: IntakeOptions = {},
): Promise<IntakeOutcome> {
  checkMeta(meta);
  await singleIntakeTurns.takeIfDue();
  const info = statOriginal(path);
  const full = { originalName: basename(path), fileTime: info.fileTime, via: 'file', ...meta };
  if (info.size <= IN_MEMORY_LIMIT) {
    return intake(session, policy, { kind: 'bytes', bytes: readFileSync(path) }, full, opts);
  }
  return intake(session, policy, { kind: 'path', path, size: info.size }, full, opts);
}

export async function intakeBytes(
  session: VaultSession,
  policy: Policy,
  bytes: Buffer,
  meta: IntakeMeta,
  opts: IntakeOptions = {},
): Promise<IntakeOutcome> {
  checkMeta(meta);
  await singleIntakeTurns.takeIfDue();
  return intake(session, policy, { kind: 'bytes', bytes }, meta, opts);
}

/** One original: stored and durable (its own fsync), then analysed, then its row. Many files go through intakeFiles. */
async function intake(
  session: VaultSession,
  policy: Policy,
  source: Source,
  meta: IntakeMeta,
  opts: IntakeOptions,
): Promise<IntakeOutcome> {
  const size = source.kind === 'bytes' ? source.bytes.length : source.size;
  refuseEmpty(size, meta);
  const head = source.kind === 'bytes' ? source.bytes.subarray(0, SNIFF_BYTES) : await readHead(source.path);
  const mediaType = sniffMediaType(head);
  // Hashes first: the same single pass that hashes also encrypts and stores the original.
  const stored = await storeOriginal(
    session,
    source.kind === 'bytes' ? source.bytes : { path: source.path },
    opts.signal,
  );
  const kept = { stored, size, mediaType, meta };
  const existing = evidenceIdBySha256(session, stored.sha256);
  if (existing !== undefined) return session.db.tx(() => duplicateIntake(session, policy, kept, existing));
  const analysed = await analyseOriginal(source.kind === 'bytes' ? source.bytes : source.path, mediaType, opts);
  const outcome = recordEvidence(session, policy, kept, analysed, opts);
  indexRecorded(session, outcome);
  return outcome;
}
