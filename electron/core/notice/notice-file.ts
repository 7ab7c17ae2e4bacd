import { readFile } from 'node:fs/promises';
import { JejakError } from '../errors';
import { NOTICE_JSON } from '../packages/bag-names';
import { DEFAULT_LIMITS, inspect } from '../packages/inspect';
import { asUnreadable } from '../packages/operation';
import { nodePlatform } from '../packages/platform-node';
import { withPackage } from '../packages/verify';

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const NOTICE = `data/${NOTICE_JSON}`;

/**
 * The notice in a file: a notice.json, or the data/notice.json of a package (.zip, recognised by its
 * bytes). What cannot be read as JSON at all is UNREADABLE; whether it is a valid notice is the caller's question.
 */
export async function readNoticeFile(path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw asUnreadable(err, 'The file');
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) bytes = await noticeOfPackage(path);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new JejakError('UNREADABLE', 'The notice is not UTF-8 JSON.');
  }
}

/** Reads only the package's metadata; its bag and signature checks are `jejak verify`'s business. */
async function noticeOfPackage(path: string): Promise<Buffer> {
  const inspection = await withPackage(path, ({ source }) =>
    inspect(source, nodePlatform, { limits: DEFAULT_LIMITS, full: false }),
  );
  const bytes = inspection.files.get(NOTICE)?.bytes;
  if (!bytes) throw new JejakError('UNREADABLE', `The package has no readable ${NOTICE}.`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
