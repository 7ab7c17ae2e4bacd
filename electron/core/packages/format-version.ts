import { JEJAK_FORMAT, parseBagInfo } from './bag-info';
import { BAG_INFO, parseStatementPath } from './bag-names';
import { decodeUtf8, type FileFacts } from './checks';
import { STATEMENT_FORMAT } from './statement-parse';

/**
 * Which package format a bag is in, before anything else reads it: a bag of another format is
 * refused as such, never read with this format's rules (format 1 differs in its chain rules).
 * Format 1 wrote no Jejak-Format in bag-info.txt and "jejak-signature/1" statements. A bag whose
 * bag-info.txt or statements cannot be read at all is left to the checks that say so.
 */

const OLDER = `made by an older Jejak (package format 1); this Jejak reads format ${JEJAK_FORMAT} only. Ask the sender to export it again with the current Jejak`;

export function formatProblems(files: Map<string, FileFacts>): string[] {
  const problems: string[] = [];
  const bagInfo = decodeUtf8(files.get(BAG_INFO)?.bytes);
  if (bagInfo !== null) {
    const { fields } = parseBagInfo(bagInfo.replace(/^\uFEFF/, ''));
    const declared = fields['Jejak-Format'];
    const byJejak = /^jejak /.test(fields['Bag-Software-Agent'] ?? '');
    if (declared === undefined)
      problems.push(`bag-info.txt declares no Jejak-Format: ${byJejak ? `the package was ${OLDER}` : otherFormat('')}`);
    else if (declared !== JEJAK_FORMAT)
      problems.push(`bag-info.txt declares Jejak-Format ${JSON.stringify(declared)}: ${otherFormat(declared)}`);
  }
  for (const [path, facts] of files) {
    if (parseStatementPath(path)?.ext !== 'json') continue;
    const format = declaredFormat(facts.bytes);
    if (format === undefined || format === STATEMENT_FORMAT) continue;
    if (format === 'jejak-signature/1') problems.push(`${path} is a "jejak-signature/1" statement, ${OLDER}`);
    else if (format.startsWith('jejak-signature/'))
      problems.push(`${path} is a ${JSON.stringify(format)} statement: ${otherFormat(format.slice(16))}`);
  }
  return problems;
}

function otherFormat(version: string): string {
  return /^\d+$/.test(version) && Number(version) > Number(JEJAK_FORMAT)
    ? `the package was made by a newer Jejak (format ${version}); update Jejak to read it`
    : `not a package format Jejak knows (this Jejak reads format ${JEJAK_FORMAT})`;
}

/** The statement's `format` field when the file is JSON at all; the statement checks judge the rest. */
function declaredFormat(bytes: Uint8Array | undefined): string | undefined {
  const text = decodeUtf8(bytes);
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    const format = (value as { format?: unknown } | null)?.format;
    return typeof format === 'string' ? format : undefined;
  } catch {
    return undefined;
  }
}
