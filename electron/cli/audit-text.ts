import type { AnchoredVerification } from '../core/audit/anchor';
import type { PackageHeadCheck } from '../core/audit/package-heads';

const short = (hash: string) => `${hash.slice(0, 16)}…`;

function chainLines(r: AnchoredVerification): string[] {
  if (r.firstBad)
    return [
      `Audit chain BROKEN at entry ${r.firstBad.seq}: ${r.firstBad.reason}. ${r.entries} entries before it check.`,
    ];
  const lines = [`Audit chain recomputes: ${r.entries} entries, head ${r.head}.`];
  if (r.anchor.ok)
    lines.push(
      `It still contains entry ${r.anchor.anchor.seq} (${short(r.anchor.anchor.hash)}), the head vault.json recorded at the last lock.`,
    );
  else
    lines.push(
      `Audit chain BROKEN: ${r.anchor.reason} (vault.json recorded entry ${r.anchor.anchor.seq} at the last lock).`,
    );
  if (r.brokenAnchor) {
    lines.push(
      `Audit chain BROKEN: entry ${r.brokenAnchor.seq} (${short(r.brokenAnchor.hash)}), recorded in vault.json at a lock, was found missing on ${r.brokenAnchor.foundAt}: ${r.brokenAnchor.reason}.`,
    );
  }
  return lines;
}

const LABEL: Record<PackageHeadCheck['status'], string> = {
  contained: 'contained   ',
  contradicted: 'CONTRADICTS ',
  'other-vault': 'other vault ',
  unattributed: 'unattributed',
  'no-head': 'no head     ',
  unreadable: 'unreadable  ',
};

function packageLines(packages: PackageHeadCheck[]): string[] {
  if (packages.length === 0) return [];
  const first = packages.find((p) => p.status === 'contradicted');
  return [
    'Earlier packages:',
    ...packages.map(
      (p) =>
        `  ${LABEL[p.status]}  ${p.file}${p.head ? ` (entry ${p.head.seq})` : ''}${p.detail ? `: ${p.detail}` : ''}`,
    ),
    ...(first ? [`The chain contradicts ${first.file}: history recorded in it is gone from this vault.`] : []),
  ];
}

export function auditVerificationText(r: AnchoredVerification & { packages: PackageHeadCheck[] }): string {
  return [...chainLines(r), ...packageLines(r.packages)].join('\n');
}
