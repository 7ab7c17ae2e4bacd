import { parseStatementPath, type Role, type StatementName } from './bag-names';
import { utf8 } from './bytes';
import type { CheckList, FileFacts } from './checks';
import { type Phrase, say } from './phrases';
import type { Platform } from './platform';
import { parsePublicKeyPem, verifyStatementSignature, type StatementKey } from './statement-keys';
import {
  parseStatement,
  roleProblem,
  STATEMENT_FORMAT,
  type Decision,
  type ReviewItem,
  type Statement,
} from './statement-parse';

/** The signature checks: every statement complete, well formed, signed by its key, bound to this bag. */

const MAX_STATEMENTS = 50;

export interface StatementInfo {
  seq: number;
  /** bag path of the statement, e.g. "signatures/1-analyst-0123456789abcdef.json" */
  file: string;
  role: Role;
  decision: Decision;
  comment: string;
  signer: Statement['signer'];
  signedAt: string;
  covers: string[];
  review?: ReviewItem[];
  /** every check on this statement passed */
  valid: boolean;
  /** the package is valid and this key is in the roster with this role */
  trusted: boolean;
  raw: Statement;
}

export interface StatementContext {
  files: Map<string, FileFacts>;
  tagmanifestSha256?: string;
  externalIdentifier?: string;
  payload: ReadonlySet<string>;
}

interface Triple {
  name: StatementName;
  json?: FileFacts;
  sig?: FileFacts;
  pem?: FileFacts;
}

type Problems = Record<'files' | 'format' | 'roles' | 'keys' | 'ed25519' | 'bag' | 'covers', Phrase[]>;

function collect(files: Map<string, FileFacts>, problems: Phrase[]): Triple[] {
  const stems = new Map<string, Triple>();
  for (const [path, facts] of files) {
    const name = parseStatementPath(path);
    if (!name) continue;
    const triple = stems.get(name.stem) ?? { name };
    triple[name.ext] = facts;
    stems.set(name.stem, triple);
  }
  const triples = [...stems.values()].sort((a, b) => a.name.seq - b.name.seq);
  if (triples.length === 0) problems.push(say('check.signatures.none'));
  if (triples.length > MAX_STATEMENTS)
    problems.push(say('check.signatures.tooMany', { count: triples.length, limit: MAX_STATEMENTS }));
  triples.forEach((t, i) => {
    if (t.name.seq !== i + 1) problems.push(say('check.signatures.numbering', { stem: t.name.stem, seq: i + 1 }));
    for (const ext of ['json', 'sig', 'pem'] as const) {
      const facts = t[ext];
      if (!facts) problems.push(say('check.bag.missing', { path: `${t.name.stem}.${ext}` }));
      else if (facts.state !== 'read' || !facts.bytes)
        problems.push(say('check.bag.unreadable', { path: `${t.name.stem}.${ext}` }));
    }
    if (t.sig?.bytes && t.sig.bytes.length !== 64)
      problems.push(say('check.signatures.sigLength', { path: `${t.name.stem}.sig`, bytes: t.sig.bytes.length }));
  });
  return triples;
}

export async function checkStatements(
  ctx: StatementContext,
  platform: Platform,
  checks: CheckList,
): Promise<StatementInfo[]> {
  const p: Problems = { files: [], format: [], roles: [], keys: [], ed25519: [], bag: [], covers: [] };
  const triples = collect(ctx.files, p.files);
  const keys = new Map<Triple, StatementKey>();
  for (const t of triples) {
    if (!t.pem?.bytes) continue;
    const key = await parsePublicKeyPem(utf8(t.pem.bytes), platform);
    if ('key' in key) p.files.push(say('check.path', { path: `${t.name.stem}.pem`, problem: key }));
    else keys.set(t, key);
  }
  // Statement k covers exactly the statement files before it, by position: a renamed, inserted or
  // dropped statement breaks every later chain.
  const chain = triples.map((t) => t.json?.sha256 ?? '');
  const statements: StatementInfo[] = [];
  const problemCount = (): number => Object.values(p).reduce((n, list) => n + list.length, 0);
  for (const [i, t] of triples.entries()) {
    const json = t.json?.bytes;
    if (!json || !t.sig?.bytes) continue;
    const before = problemCount();
    const file = `${t.name.stem}.json`;
    const s = parseStatement(json);
    if ('key' in s) {
      p.format.push(say('check.path', { path: file, problem: s }));
      continue;
    }
    if (s.role !== t.name.role || !s.signer.fingerprint.startsWith(t.name.fingerprint16))
      p.format.push(say('check.statement.nameDiffers', { path: file }));
    for (const item of s.review ?? [])
      if (!ctx.payload.has(item.file))
        p.format.push(say('check.statement.reviewsAbsent', { path: file, file: item.file }));
    const role = roleProblem(t.name.seq, s.role, s.decision);
    if (role) p.roles.push(say('check.roles.of', { path: file, problem: role }));
    const key = keys.get(t);
    if (key && key.fingerprint !== s.signer.fingerprint)
      p.keys.push(
        say('check.keys.otherKey', {
          path: file,
          fingerprint: s.signer.fingerprint.slice(0, 16),
          pem: `${t.name.stem}.pem`,
        }),
      );
    if (key && !(await verifyStatementSignature(key, json, t.sig.bytes, platform)))
      p.ed25519.push(say('check.ed25519.fails', { sig: `${t.name.stem}.sig`, path: file }));
    if (!key) p.ed25519.push(say('check.ed25519.noKey', { sig: `${t.name.stem}.sig` }));
    if (s.bag.tagmanifestSha256 !== ctx.tagmanifestSha256) p.bag.push(say('check.bound.tagmanifest', { path: file }));
    if (s.bag.externalIdentifier !== ctx.externalIdentifier)
      p.bag.push(say('check.bound.case', { path: file, reference: JSON.stringify(s.bag.externalIdentifier) }));
    const covers = coversProblem(t.name.seq, s.covers, chain.slice(0, i));
    if (covers) p.covers.push(say('check.path', { path: file, problem: covers }));
    statements.push({
      seq: t.name.seq,
      file,
      role: s.role,
      decision: s.decision,
      comment: s.comment,
      signer: s.signer,
      signedAt: s.signedAt,
      covers: s.covers,
      ...(s.review ? { review: s.review } : {}),
      valid: problemCount() === before,
      trusted: false,
      raw: s,
    });
  }
  const n = statements.length;
  checks.add('signature-files', p.files, say('check.signatures.ok', { count: triples.length }));
  checks.add('statement-format', p.format, say('check.statement.ok', { count: n, format: STATEMENT_FORMAT }));
  checks.add('statement-roles', p.roles, say('check.roles.ok'));
  checks.add('signer-keys', p.keys, say('check.keys.ok'));
  checks.add('signatures-ed25519', p.ed25519, say('check.ed25519.ok', { count: n }));
  checks.add('statement-bag', p.bag, say('check.bound.ok'));
  checks.add('statement-covers', p.covers, say('check.covers.ok'));
  checks.add('distinct-signers', sameSigners(statements), say('check.distinct.ok', { count: n }));
  return statements;
}

/** Statement `seq` lists the SHA-256 of every earlier statement file, in order, and nothing else. */
function coversProblem(seq: number, covers: readonly string[], earlier: readonly string[]): Phrase | null {
  if (covers.length === earlier.length && covers.every((c, i) => c === earlier[i])) return null;
  if (seq === 1) return say('check.covers.first');
  const which = seq === 2 ? say('check.covers.one') : say('check.covers.upTo', { last: seq - 1 });
  const unknown = covers.filter((c) => !earlier.includes(c)).length;
  const why =
    unknown > 0
      ? say('check.covers.unknown', { unknown, count: covers.length })
      : say('check.covers.order', { count: covers.length });
  return say('check.covers.must', { which, why });
}

function sameSigners(statements: readonly StatementInfo[]): Phrase[] {
  const problems: Phrase[] = [];
  const first = new Map<string, StatementInfo>();
  for (const s of statements) {
    const earlier = first.get(s.signer.fingerprint);
    if (earlier)
      problems.push(
        say('check.distinct.same', {
          first: earlier.file,
          second: s.file,
          fingerprint: s.signer.fingerprint.slice(0, 16),
        }),
      );
    else first.set(s.signer.fingerprint, s);
  }
  return problems;
}
