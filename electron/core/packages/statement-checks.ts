import type { KeyObject } from 'node:crypto';
import { parseStatementPath, type Role, type StatementName } from './bag-names';
import type { CheckList, FileFacts } from './checks';
import { fingerprintOf, parsePublicKeyPem, verifyEd25519 } from './signer';
import { parseStatement, roleProblem, type Decision, type ReviewItem, type Statement } from './statement';

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

type Problems = Record<'files' | 'format' | 'roles' | 'keys' | 'ed25519' | 'bag' | 'covers', string[]>;

function collect(files: Map<string, FileFacts>, problems: string[]): Triple[] {
  const stems = new Map<string, Triple>();
  for (const [path, facts] of files) {
    const name = parseStatementPath(path);
    if (!name) continue;
    const triple = stems.get(name.stem) ?? { name };
    triple[name.ext] = facts;
    stems.set(name.stem, triple);
  }
  const triples = [...stems.values()].sort((a, b) => a.name.seq - b.name.seq);
  if (triples.length === 0) problems.push('the package has no signed statement');
  if (triples.length > MAX_STATEMENTS) problems.push(`the package has ${triples.length} statements, more than ${MAX_STATEMENTS}`);
  triples.forEach((t, i) => {
    if (t.name.seq !== i + 1) problems.push(`statements are not numbered 1, 2, 3…: ${t.name.stem} is number ${i + 1}`);
    for (const ext of ['json', 'sig', 'pem'] as const) {
      const facts = t[ext];
      if (!facts) problems.push(`${t.name.stem}.${ext} is missing`);
      else if (facts.state !== 'read' || !facts.bytes) problems.push(`${t.name.stem}.${ext} could not be read`);
    }
    if (t.sig?.bytes && t.sig.bytes.length !== 64) problems.push(`${t.name.stem}.sig is ${t.sig.bytes.length} bytes, not a 64-byte Ed25519 signature`);
  });
  return triples;
}

export function checkStatements(ctx: StatementContext, checks: CheckList): StatementInfo[] {
  const p: Problems = { files: [], format: [], roles: [], keys: [], ed25519: [], bag: [], covers: [] };
  const triples = collect(ctx.files, p.files);
  const keys = new Map<Triple, KeyObject>();
  for (const t of triples) {
    if (!t.pem?.bytes) continue;
    const key = parsePublicKeyPem(t.pem.bytes.toString('utf8'));
    if (typeof key === 'string') p.files.push(`${t.name.stem}.pem ${key}`);
    else keys.set(t, key);
  }
  const statements: StatementInfo[] = [];
  const earlier = new Map<string, number>();
  const problemCount = (): number => Object.values(p).reduce((n, list) => n + list.length, 0);
  for (const t of triples) {
    const json = t.json?.bytes;
    if (!json || !t.sig?.bytes) continue;
    const before = problemCount();
    const file = `${t.name.stem}.json`;
    const s = parseStatement(json);
    if (typeof s === 'string') {
      p.format.push(`${file} ${s}`);
      earlier.set(t.json?.sha256 ?? '', t.name.seq);
      continue;
    }
    if (s.role !== t.name.role || !s.signer.fingerprint.startsWith(t.name.fingerprint16)) p.format.push(`${file} has a role or fingerprint other than its file name says`);
    for (const item of s.review ?? []) if (!ctx.payload.has(item.file)) p.format.push(`${file} reviews ${item.file}, which is not in the payload`);
    const role = roleProblem(t.name.seq, s.role, s.decision);
    if (role) p.roles.push(`${file}: ${role}`);
    const key = keys.get(t);
    if (key && fingerprintOf(key) !== s.signer.fingerprint) p.keys.push(`${file} names fingerprint ${s.signer.fingerprint.slice(0, 16)}… but ${t.name.stem}.pem is another key`);
    if (key && !verifyEd25519(key, json, t.sig.bytes)) p.ed25519.push(`${t.name.stem}.sig does not verify over ${file}`);
    if (!key) p.ed25519.push(`${t.name.stem}.sig cannot be checked without a usable key`);
    if (s.bag.tagmanifestSha256 !== ctx.tagmanifestSha256) p.bag.push(`${file} signs another tagmanifest-sha256.txt than this bag's`);
    if (s.bag.externalIdentifier !== ctx.externalIdentifier) p.bag.push(`${file} names case ${JSON.stringify(s.bag.externalIdentifier)}, not this bag's`);
    p.covers.push(...coversProblems(file, t.name.seq, s.covers, earlier));
    earlier.set(t.json?.sha256 ?? '', t.name.seq);
    const valid = problemCount() === before;
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
      valid,
      trusted: false,
      raw: s,
    });
  }
  const n = statements.length;
  checks.add('signature-files', p.files, `${triples.length} statements, each with its .json, .sig and .pem`);
  checks.add('statement-format', p.format, `${n} statements in format jejak-signature/1`);
  checks.add('statement-roles', p.roles, 'an analyst submitted; any later statement is a supervisor deciding');
  checks.add('signer-keys', p.keys, 'every fingerprint matches the key beside it');
  checks.add('signatures-ed25519', p.ed25519, `${n} Ed25519 signatures verify`);
  checks.add('statement-bag', p.bag, "every statement signs this bag's tag manifest and case");
  checks.add('statement-covers', p.covers, 'every statement covers only earlier statements of this package');
  return statements;
}

function coversProblems(file: string, seq: number, covers: string[], earlier: Map<string, number>): string[] {
  if (seq === 1) return covers.length === 0 ? [] : [`${file} is the first statement but covers others`];
  const problems = covers.filter((c) => !earlier.has(c)).map((c) => `${file} covers ${c.slice(0, 16)}…, which is no earlier statement of this package`);
  if (new Set(covers).size !== covers.length) problems.push(`${file} covers a statement twice`);
  return problems;
}
