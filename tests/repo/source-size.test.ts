import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every tracked source file: code, styles and scripts (data, fixtures and prose are not source). */
function sourceFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0');
  return tracked.filter((f) => /\.(ts|tsx|mts|js|mjs|css)$/.test(f) && !f.startsWith('tests/fixtures/'));
}

describe('the source tree', () => {
  it('has no file over 300 lines: a longer one holds more than one job', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300)
      .map((x) => `${x.f} (${x.lines} lines)`);
    expect(long).toEqual([]);
  });
});
