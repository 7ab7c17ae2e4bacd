import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../renderer/i18n';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Audit actions built from a template, and every value the template can take. */
const TEMPLATES: Record<string, string[]> = {
  'review.${request.decision}': ['review.approved', 'review.returned'],
  '${kind}.excluded': ['channel.excluded', 'evidence.excluded'],
  '${kind}.restored': ['channel.restored', 'evidence.restored'],
};

/** Every audit action the core, the CLI or the shell can write: `action: '…'` (or a conditional or template of them). */
function auditActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources('electron')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction:\s*(`[^`]*`|[^,}]+)/g)) {
      const expression = m[1]!;
      const template = /`([^`]*)`/.exec(expression)?.[1];
      if (template !== undefined) {
        const expanded = TEMPLATES[template];
        if (!expanded)
          throw new Error(
            `${file}: the audit action \`${template}\` is built from a template; list its values in TEMPLATES`,
          );
        for (const action of expanded) found.set(action, file);
      }
      for (const literal of expression.matchAll(/'([a-z]+\.[a-z-]+)'/g)) found.set(literal[1]!, file);
    }
  }
  return found;
}

describe('the activity log names every event', () => {
  const actions = auditActions();

  it('finds the actions the core writes', () => {
    expect(actions.size).toBeGreaterThan(25);
    for (const known of ['evidence.added', 'case.exported', 'review.returned', 'vault.unlocked'])
      expect(actions.has(known), known).toBe(true);
  });

  it.each(['id', 'en'] as const)('in %s, with words of its own for each action', (language) => {
    const catalog = catalogs[language] as Record<string, string>;
    const missing = [...actions]
      .filter(([action]) => !catalog[`action.${action}`]?.trim())
      .map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });
});
