import { checkTimestamps, timestampsDetail, type TimestampInfo } from '../timestamps/timestamp-check';
import type { Inspection } from './inspect';

/**
 * Adds the `timestamps` check to an inspection whose statements were checked (a package refused
 * before that, e.g. of another format, has no statements to stamp). Whether a token's TSA is
 * trusted depends on `roots` and goes into the verdict, not the check.
 */
export async function checkInspectionTimestamps(inspection: Inspection, roots: ReadonlyArray<Uint8Array | string> = []): Promise<TimestampInfo[]> {
  if (!inspection.checks.checks.some((c) => c.id === 'distinct-signers')) return [];
  const findings = await checkTimestamps(inspection.files, inspection.statements, roots);
  inspection.checks.add('timestamps', findings.problems, timestampsDetail(findings));
  return findings.timestamps;
}
