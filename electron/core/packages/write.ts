import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { writeInOrderOrSealed, writePlainOrSealed } from '../age/plain-package';
import { JejakError } from '../errors';
import { nextTurn, TurnBudget } from '../in-turns';
import { BAGIT_TXT, formatBagInfo, type BagInfoInput } from './bag-info';
import {
  BAG_INFO,
  BAGIT,
  bagName,
  isPayloadPath,
  MANIFEST_SHA256,
  MANIFEST_SHA512,
  parseEvidencePath,
  REQUIRED_PAYLOAD,
  statementStem,
  TAGMANIFEST_SHA256,
  TAGMANIFEST_SHA512,
} from './bag-names';
import type { Digests } from './digest';
import { formatManifest } from './manifests';
import type { OperationOptions } from './operation';
import { inEnglish, type Phrase } from './phrases';
import { reportTextProblems } from './report-check';
import { checkSigner, signChecked, spkiPem, type Signer } from './signer';
import { statementBytes } from './statement';
import { writeAtomically } from './write-atomically';
import { ZipWriter, type PositionalWriter } from './zip-write';
import { addPayload, canWriteInOrder, type PayloadFile } from './write-payload';

export type { PayloadFile } from './write-payload';

export interface ExportInput {
  /** External-Identifier is the case reference; the package NAME is derived from it */
  bagInfo: BagInfoInput;
  /** report.pdf, report.json, channels.csv, custody.jsonl and the evidence files, in order */
  payload: PayloadFile[];
  signer: Signer;
  comment?: string;
}

export interface WriteOptions extends OperationOptions {
  now?: Date;
  /** age1… recipients: the package is written age-encrypted for them, its ZIP never in clear on disk */
  encryptFor?: readonly string[];
}

export interface WriteResult {
  path: string;
  name: string;
  tagmanifestSha256: string;
  /** the size of the file written (the age file when encrypted) */
  bytes: number;
  /** the recipients it is encrypted for; empty for a plain ZIP */
  recipients: string[];
}

async function checkPayload(payload: readonly PayloadFile[]): Promise<void> {
  const seen = new Set<string>();
  const seqs = new Set<number>();
  // in turns: at 10,000 files the checks held the thread 44 ms here
  const budget = new TurnBudget(20);
  for (const file of payload) {
    await budget.takeIfDue();
    if (!isPayloadPath(file.path))
      throw new JejakError('INVALID_INPUT', `${file.path} is not a payload file the format allows.`);
    if (seen.has(file.path.toLowerCase()))
      throw new JejakError('INVALID_INPUT', `${file.path} is in the payload twice.`);
    seen.add(file.path.toLowerCase());
    const seq = parseEvidencePath(file.path)?.seq;
    if (seq !== undefined && seqs.has(seq))
      throw new JejakError('INVALID_INPUT', `Two evidence files have number ${seq}.`);
    if (seq !== undefined) seqs.add(seq);
    if (file.size !== undefined && !(Number.isSafeInteger(file.size) && file.size >= 0))
      throw new JejakError('INVALID_INPUT', `The size of ${file.path} is not a byte count.`);
    if (file.expectedSha256 !== undefined && !/^[0-9a-f]{64}$/.test(file.expectedSha256)) {
      throw new JejakError('INVALID_INPUT', `The expected SHA-256 of ${file.path} is not 64 lowercase hex digits.`);
    }
    if (
      file.knownSha512 !== undefined &&
      (file.expectedSha256 === undefined || !/^[0-9a-f]{128}$/.test(file.knownSha512))
    ) {
      throw new JejakError(
        'INVALID_INPUT',
        `The known SHA-512 of ${file.path} needs its expected SHA-256 and must be 128 lowercase hex digits.`,
      );
    }
  }
  for (const required of REQUIRED_PAYLOAD) {
    if (!seen.has(required)) throw new JejakError('INVALID_INPUT', `The payload has no ${required}.`);
  }
}

/**
 * Writes a signed package (PACKAGE-FORMAT.md) to `destination`, the .zip path; an existing file
 * there is replaced, atomically, only once the package is complete. Each payload file is read once,
 * hashed while it streams into the ZIP; memory stays bounded whatever the case size.
 */
export async function writePackage(
  input: ExportInput,
  destination: string,
  opts: WriteOptions = {},
): Promise<WriteResult> {
  // A later file that fails while the others stream fails the package where it is awaited (or not
  // at all, when something else stops the package first), never as an unhandled rejection.
  for (const file of input.payload) file.later?.catch(() => undefined);
  const reference = input.bagInfo.externalIdentifier;
  // Statements and report.json compare it with bag-info.txt, which holds trimmed single-line values.
  if (reference !== reference.trim() || /[\r\n]/.test(reference))
    throw new JejakError('INVALID_INPUT', 'The case reference must be one line without surrounding spaces.');
  const name = bagName(reference);
  await checkPayload(input.payload);
  const key = checkSigner(input.signer, 'analyst');
  const now = opts.now ?? new Date();
  const path = resolve(destination);
  let tagmanifestSha256 = '';
  const recipients = [...new Set(opts.encryptFor ?? [])];
  const seal = {
    recipients,
    signal: opts.signal,
    onProgress: (bytesDone: number, bytesTotal: number) => opts.onProgress?.({ bytesDone, bytesTotal, file: 'age' }),
  };
  const writeZip = async (handle: PositionalWriter, inOrder: boolean): Promise<number> => {
    const zip = new ZipWriter(handle, now, opts.signal, inOrder);
    const { digests, reportText } = await addPayload(zip, name, input.payload, opts);
    // A turn before each step: for a 3,000-item case, back to back they held the thread 54 ms.
    await nextTurn();
    await checkReport(reportText(), input, digests);
    await nextTurn();
    const tags = await tagFiles(input.bagInfo, input.payload, digests, now);
    tagmanifestSha256 = tags.tagmanifestSha256;
    for (const [file, data] of tags.files) await zip.addBuffer(`${name}/${file}`, data);
    const statement = statementBytes({
      signer: input.signer,
      decision: 'submitted',
      comment: input.comment ?? '',
      signedAt: now,
      externalIdentifier: input.bagInfo.externalIdentifier,
      tagmanifestSha256,
      covers: [],
    });
    const stem = `${name}/${statementStem(1, 'analyst', input.signer.fingerprint)}`;
    await zip.addBuffer(`${stem}.json`, statement);
    await zip.addBuffer(`${stem}.sig`, signChecked(input.signer, key, statement));
    await zip.addBuffer(`${stem}.pem`, Buffer.from(spkiPem(key)));
    return zip.finish();
  };
  // With every original's CRC known, an encrypted package is sealed as its ZIP is written (no scratch copy).
  const bytes = await writeAtomically(path, opts.signal, (out) =>
    canWriteInOrder(input.payload)
      ? writeInOrderOrSealed(out, seal, writeZip)
      : writePlainOrSealed(out, seal, (target) => writeZip(target, false)),
  );
  return { path, name, tagmanifestSha256, bytes, recipients };
}

/** report.json's text, read an entry at a time as it is decoded, against the package (report-check.ts). */
async function checkReport(pieces: Iterable<string>, input: ExportInput, digests: Digests[]): Promise<void> {
  const evidence = new Map<string, Digests>();
  input.payload.forEach((f, i) => {
    if (f.path.startsWith('evidence/')) evidence.set(`data/${f.path}`, digests[i] as Digests);
  });
  let problems: Phrase[];
  try {
    problems = await reportTextProblems(pieces, {
      externalIdentifier: input.bagInfo.externalIdentifier,
      analystFingerprint: input.signer.fingerprint,
      evidence,
    });
  } catch (e) {
    if (e instanceof SyntaxError) throw new JejakError('INVALID_INPUT', 'report.json is not JSON.');
    throw e;
  }
  if (problems.length > 0)
    throw new JejakError(
      'INVALID_INPUT',
      `report.json does not match the package: ${problems.map(inEnglish).join('; ')}.`,
    );
}

/** The tag files, a turn between the steps: at 20,000 items they held the thread 57-68 ms together. */
async function tagFiles(
  info: BagInfoInput,
  payload: readonly PayloadFile[],
  digests: Digests[],
  now: Date,
): Promise<{ files: Array<[string, Buffer]>; tagmanifestSha256: string }> {
  const manifest = async (algorithm: 'sha256' | 'sha512') => {
    await nextTurn();
    return Buffer.from(
      formatManifest(payload.map((f, i) => ({ hash: (digests[i] as Digests)[algorithm], path: `data/${f.path}` }))),
    );
  };
  const octets = digests.reduce((sum, d) => sum + d.size, 0);
  const manifested: Array<[string, Buffer]> = [
    [BAGIT, Buffer.from(BAGIT_TXT)],
    [BAG_INFO, Buffer.from(formatBagInfo(info, { octets, count: payload.length }, now))],
    [MANIFEST_SHA256, await manifest('sha256')],
    [MANIFEST_SHA512, await manifest('sha512')],
  ];
  const tagLines = async (algorithm: 'sha256' | 'sha512') => {
    await nextTurn();
    return formatManifest(
      manifested.map(([path, data]) => ({ hash: createHash(algorithm).update(data).digest('hex'), path })),
    );
  };
  const tagmanifest256 = Buffer.from(await tagLines('sha256'));
  const tagmanifest512 = Buffer.from(await tagLines('sha512'));
  return {
    files: [...manifested, [TAGMANIFEST_SHA256, tagmanifest256], [TAGMANIFEST_SHA512, tagmanifest512]],
    tagmanifestSha256: createHash('sha256').update(tagmanifest256).digest('hex'),
  };
}
