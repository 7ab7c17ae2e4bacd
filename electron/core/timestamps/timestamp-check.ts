import { parseTimestampPath } from '../packages/bag-names';
import { type Phrase, say } from '../packages/phrases';

/**
 * The token parser (pkijs, about 140 ms to load) is loaded only when a package holds a token: most
 * verifications have none.
 */
const tokenParser = () => import('./tsp-token');

/**
 * The `timestamps` check over a bag's files: every `timestamps/<seq>-<fp16>.tsr` names a statement
 * of this package and is an RFC 3161 token over exactly that statement's .json bytes. Pure and
 * async over what was read (no Node-only API), so the browser verifier runs the same check. Whose
 * TSA is trusted is judged apart (trustTimestamps): it depends on the roots given, not on the bytes.
 */

/** A token that checks, as the package holds it. */
export interface TimestampFound {
  /** bag path of the token */
  file: string;
  /** the statement it stamps */
  seq: number;
  /** the TSA, by its certificate's common name */
  tsa: string;
  /** the time the TSA confirms, ISO 8601 UTC */
  genTime: string;
  /** the certificates the token carries, PEM, the TSA's own first */
  certificates: string[];
}

export interface TimestampInfo extends TimestampFound {
  /** the TSA's certificate chains to a trusted TSA root, valid at genTime */
  trusted: boolean;
  /** why not trusted, in words */
  untrusted?: string;
  /** the same by key, for the reader's language */
  untrustedPhrase?: Phrase;
}

export interface TimestampFindings {
  problems: Phrase[];
  /** one per token that checks */
  timestamps: TimestampFound[];
}

interface ReadFile {
  state: 'read' | 'skipped' | 'failed';
  bytes?: Uint8Array;
}

interface StampedStatement {
  seq: number;
  /** bag path of its .json */
  file: string;
  signer: { fingerprint: string };
}

export async function checkTimestamps(
  files: ReadonlyMap<string, ReadFile>,
  statements: readonly StampedStatement[],
): Promise<TimestampFindings> {
  const findings: TimestampFindings = { problems: [], timestamps: [] };
  for (const [path, facts] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = parseTimestampPath(path);
    if (!name) continue;
    const statement = statements.find((s) => s.seq === name.seq);
    const json = statement && files.get(statement.file)?.bytes;
    if (!statement || !statement.signer.fingerprint.startsWith(name.fingerprint16)) {
      findings.problems.push(say('check.stamp.noStatement', { path, seq: name.seq, key: name.fingerprint16 }));
    } else if (facts.state !== 'read' || !facts.bytes) {
      findings.problems.push(say('check.bag.unreadable', { path }));
    } else if (json) {
      const { checkTimestampToken } = await tokenParser();
      const token = await checkTimestampToken({ statement: json, token: facts.bytes });
      findings.problems.push(...token.problems.map((problem) => say('check.path', { path, problem })));
      if (token.problems.length === 0 && token.tsa && token.genTime) {
        findings.timestamps.push({
          file: path,
          seq: name.seq,
          tsa: token.tsa,
          genTime: token.genTime,
          certificates: token.certificates,
        });
      }
    }
  }
  return findings;
}

/** What the check says when every token checks: one phrase per token, or that there are none. */
export function timestampsDetail(findings: TimestampFindings): Phrase[] {
  if (findings.timestamps.length === 0) return [say('check.stamp.none')];
  return findings.timestamps.map((t) => say('check.stamp.ok', { seq: t.seq, tsa: t.tsa, time: t.genTime }));
}

/** Each token's TSA judged against `roots`; the same tokens judged again when other roots are given. */
export function trustTimestamps(
  found: readonly TimestampFound[],
  roots: ReadonlyArray<Uint8Array | string>,
): Promise<TimestampInfo[]> {
  return Promise.all(
    found.map(async (t) => {
      const { tsaTrust } = await tokenParser();
      const trust = await tsaTrust(t, roots);
      return { file: t.file, seq: t.seq, tsa: t.tsa, genTime: t.genTime, certificates: t.certificates, ...trust };
    }),
  );
}
