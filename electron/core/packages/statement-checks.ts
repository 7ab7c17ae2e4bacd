import { parseStatementPath, type Role, type StatementName } from './bag-names';
import { utf8 } from './bytes';
import type { CheckList, FileFacts } from './checks';
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
  if (triples.length > MAX_STATEMENTS)
    problems.push(`the package has ${triples.length} statements, more than ${MAX_STATEMENTS}`);
  triples.forEach((t, i) => {
    if (t.name.seq !== i + 1) problems.push(`statements are not numbered 1, 2, 3…: ${t.name.stem} is number ${i + 1}`);
    for (const ext of ['json', 'sig', 'pem'] as const) {
      const facts = t[ext];
      if (!facts) problems.push(`${t.name.stem}.${ext} is missing`);
      else if (facts.state !== 'read' || !facts.bytes) problems.push(`${t.name.stem}.${ext} could not be read`);
    }
    if (t.sig?.bytes && t.sig.bytes.length !== 64)
      problems.push(`${t.name.stem}.sig is ${t.sig.bytes.length} bytes, not a 64-byte Ed25519 signature`);
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
    if (typeof key === 'string') p.files.push(`${t.name.stem}.pem ${key}`);
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
    if (typeof s === 'string') {
      p.format.push(`${file} ${s}`);
      continue;
    }
    if (s.role !== t.name.role || !s.signer.fingerprint.startsWith(t.name.fingerprint16))
      p.format.push(`${file} has a role or fingerprint other than its file name says`);
    for (const item of s.review ?? [])
      if (!ctx.payload.has(item.file)) p.format.push(`${file} reviews ${item.file}, which is not in the payload`);
    const role = roleProblem(t.name.seq, s.role, s.decision);
    if (role) p.roles.push(`${file}: ${role}`);
    const key = keys.get(t);
    if (key && key.fingerprint !== s.signer.fingerprint)
      p.keys.push(
        `${file} names fingerprint ${s.signer.fingerprint.slice(0, 16)}… but ${t.name.stem}.pem is another key`,
      );
    if (key && !(await verifyStatementSignature(key, json, t.sig.bytes, platform)))
      p.ed25519.push(`${t.name.stem}.sig does not verify over ${file}`);
    if (!key) p.ed25519.push(`${t.name.stem}.sig cannot be checked without a usable key`);
    if (s.bag.tagmanifestSha256 !== ctx.tagmanifestSha256)
      p.bag.push(`${file} signs another tagmanifest-sha256.txt than this bag's`);
    if (s.bag.externalIdentifier !== ctx.externalIdentifier)
      p.bag.push(`${file} names case ${JSON.stringify(s.bag.externalIdentifier)}, not this bag's`);
    const covers = coversProblem(t.name.seq, s.covers, chain.slice(0, i));
    if (covers) p.covers.push(`${file} ${covers}`);
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
  checks.add('signature-files', p.files, `${triples.length} statements, each with its .json, .sig and .pem`);
  checks.add(
    'statement-format',
    p.format,
    `${n} statements in format ${STATEMENT_FORMAT}, each exactly as Jejak writes it`,
  );
  checks.add('statement-roles', p.roles, 'an analyst submitted; any later statement is a supervisor deciding');
  checks.add('signer-keys', p.keys, 'every fingerprint matches the key beside it');
  checks.add('signatures-ed25519', p.ed25519, `${n} Ed25519 signatures verify`);
  checks.add('statement-bag', p.bag, "every statement signs this bag's tag manifest and case");
  checks.add('statement-covers', p.covers, 'every statement covers exactly the statements before it, in order');
  checks.add(
    'distinct-signers',
    sameSigners(statements),
    `${n} statements by ${n} different keys: nobody approved their own work`,
  );
  return statements;
}

/** Statement `seq` lists the SHA-256 of every earlier statement file, in order, and nothing else. */
function coversProblem(seq: number, covers: readonly string[], earlier: readonly string[]): string | null {
  if (covers.length === earlier.length && covers.every((c, i) => c === earlier[i])) return null;
  if (seq === 1) return 'is the first statement but covers others';
  const which = seq === 2 ? 'statement 1' : `statements 1 to ${seq - 1}`;
  const unknown = covers.filter((c) => !earlier.includes(c)).length;
  const why =
    unknown > 0
      ? `${unknown} of its ${covers.length} covers name no earlier statement of this package`
      : `it covers ${covers.length}, not in order or not all of them`;
  return `must cover exactly ${which}, in order: ${why}`;
}

function sameSigners(statements: readonly StatementInfo[]): string[] {
  const problems: string[] = [];
  const first = new Map<string, StatementInfo>();
  for (const s of statements) {
    const earlier = first.get(s.signer.fingerprint);
    if (earlier)
      problems.push(
        `${earlier.file} and ${s.file} are signed by the same key (${s.signer.fingerprint.slice(0, 16)}…): nobody may approve or return their own work`,
      );
    else first.set(s.signer.fingerprint, s);
  }
  return problems;
}
