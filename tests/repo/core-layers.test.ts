import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of electron/core as its README's table states them, held against every import of
 * every file: a module may import its own layer or a lower one, never a higher one.
 */
const CORE = 'electron/core';
/** Outside the core, what a core file may import: code that imports nothing of the core, and data. */
const BESIDE = [
  'electron/common/',
  'electron/contract/',
  'electron/contract.ts',
  'resources/schemas/',
  'renderer/i18n/',
];

function layerTable(): Map<string, number> {
  const readme = readFileSync(join(CORE, 'README.md'), 'utf8');
  const table = new Map<string, number>();
  for (const m of readme.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)) {
    for (const name of m[2]!.matchAll(/`([^`]+)`/g)) table.set(name[1]!, Number(m[1]));
  }
  return table;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The module a core file belongs to: its folder under electron/core, or its own name at the top. */
function moduleOf(file: string): string {
  const [first, ...rest] = relative(CORE, file).split('/');
  return rest.length > 0 ? first! : first!.replace(/\.tsx?$/, '');
}

/** Every relative import of a file, type-only ones and re-exports included, as the path it resolves to. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specs = [
    ...source.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.map((spec) => {
    const base = resolve(dirname(file), spec);
    const found = ['', '.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((p) => existsSync(p) && statSync(p).isFile());
    return relative(process.cwd(), found ?? base);
  });
}

describe('the layers of electron/core', () => {
  const table = layerTable();
  const files = sourceFiles(CORE);

  it('places every module in exactly one layer of the README', () => {
    expect(table.size).toBeGreaterThan(20);
    const modules = [...new Set(files.map(moduleOf))].sort();
    expect(modules.filter((m) => !table.has(m))).toEqual([]);
    expect([...table.keys()].filter((m) => !modules.includes(m))).toEqual([]);
  });

  it('has no import from a lower module to a higher one', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const target of importsOf(file)) {
        if (!target.startsWith(`${CORE}/`)) continue;
        const to = moduleOf(target);
        if (table.get(to)! > table.get(from)!)
          upward.push(`${file} (${from}, layer ${table.get(from)}) imports ${target} (${to}, layer ${table.get(to)})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('reaches outside the core only for electron/common, the contract, the JSON Schemas and the catalogs', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith(`${CORE}/`) && !BESIDE.some((b) => target.startsWith(b)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('keeps electron/common and the contract free of the core, so every layer may import them', () => {
    const beside = [...sourceFiles('electron/common'), ...sourceFiles('electron/contract'), 'electron/contract.ts'];
    const intoCore = beside.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`${CORE}/`))
        .map((target) => `${file} imports ${target}`),
    );
    expect(intoCore).toEqual([]);
  });
});
