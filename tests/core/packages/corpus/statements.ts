import type { CheckId, Signer } from '../../../../electron/core/packages';
import { resign, statementOf } from '../forge';
import type { PlainEntry } from '../zip-tools';

/**
 * Statement 1 and the tag files rewritten so that a second reader could read them differently, and
 * signed again with the analyst's own key. strict.test.ts asserts each verdict; the browser verifier
 * spec compares the page's with verifyPackage's.
 */

/** Statement 1's text changed by `change`, then signed again by the analyst. */
export const restate = (analyst: Signer, change: (text: string) => string) => (e: PlainEntry[]) => {
  const first = statementOf(e, 1);
  return resign(e, first.stem, analyst, Buffer.from(change(first.bytes.toString())));
};

export const STATEMENT_EDITS = {
  duplicateKey: (t: string) => t.replace('"role": "analyst",\n', '"role": "analyst",\n  "decision": "approved",\n'),
  duplicateSignerKey: (t: string) => t.replace('"signer": {\n', '"signer": {\n    "name": "Someone Else",\n'),
  duplicateEscapedKey: (t: string) => t.replace('"comment": ""', '"comment": "",\n  "comm\\u0065nt": ""'),
  crlf: (t: string) => t.replace(/\n/g, '\r\n'),
  noFinalNewline: (t: string) => t.trimEnd(),
  compact: (t: string) => JSON.stringify(JSON.parse(t)),
  byteOrderMark: (t: string) => `\ufeff${t}`,
  analystReview: (t: string) => t.replace(/\n}\n$/, ',\n  "review": []\n}\n').replace('"covers": [],', '"covers": [],'),
};

/** Each tag file with a byte-order mark (every hash and signature redone), and the check that refuses it. */
export const BOM_TAG_FILES: Array<[string, CheckId]> = [
  ['bagit.txt', 'bagit'],
  ['bag-info.txt', 'bag-info'],
  ['manifest-sha256.txt', 'manifests-complete'],
  ['manifest-sha512.txt', 'manifests-complete'],
  ['tagmanifest-sha256.txt', 'tagmanifest-sha256'],
  ['tagmanifest-sha512.txt', 'tagmanifest-sha512'],
];
