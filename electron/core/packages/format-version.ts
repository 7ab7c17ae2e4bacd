import { JEJAK_FORMAT, parseBagInfo } from './bag-info';
import { BAG_INFO, parseStatementPath } from './bag-names';
import { decodeUtf8, type FileFacts } from './checks';
import { type Phrase, say } from './phrases';
import { STATEMENT_FORMAT } from './statement-parse';

/**
 * Which package format a bag is in, before anything else reads it: a bag of another format is
 * refused as such, never read with this format's rules (format 1 differs in its chain rules).
 * Format 1 wrote no Jejak-Format in bag-info.txt and "jejak-signature/1" statements. A bag whose
 * bag-info.txt or statements cannot be read at all is left to the checks that say so.
 */

const OLDER = say('check.format.older', { format: JEJAK_FORMAT });

export function formatProblems(files: Map<string, FileFacts>): Phrase[] {
  const problems: Phrase[] = [];
  const bagInfo = decodeUtf8(files.get(BAG_INFO)?.bytes);
  if (bagInfo !== null) {
    const { fields } = parseBagInfo(bagInfo.replace(/^\uFEFF/, ''));
    const declared = fields['Jejak-Format'];
    const byJejak = /^jejak /.test(fields['Bag-Software-Agent'] ?? '');
    if (declared === undefined)
      problems.push(
        say('check.format.none', { why: byJejak ? say('check.format.wasOlder', { older: OLDER }) : otherFormat('') }),
      );
    else if (declared !== JEJAK_FORMAT)
      problems.push(say('check.format.declared', { declared: JSON.stringify(declared), why: otherFormat(declared) }));
  }
  for (const [path, facts] of files) {
    if (parseStatementPath(path)?.ext !== 'json') continue;
    const format = declaredFormat(facts.bytes);
    if (format === undefined || format === STATEMENT_FORMAT) continue;
    if (format === 'jejak-signature/1') problems.push(say('check.format.statementOlder', { path, older: OLDER }));
    else if (format.startsWith('jejak-signature/'))
      problems.push(
        say('check.format.statement', { path, format: JSON.stringify(format), why: otherFormat(format.slice(16)) }),
      );
  }
  return problems;
}

function otherFormat(version: string): Phrase {
  return /^\d+$/.test(version) && Number(version) > Number(JEJAK_FORMAT)
    ? say('check.format.newer', { version })
    : say('check.format.unknown', { format: JEJAK_FORMAT });
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
