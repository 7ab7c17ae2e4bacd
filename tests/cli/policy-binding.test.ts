import { describe, expect, it } from 'vitest';
import { policySchema } from '../../electron/core/policy/policy';
import { appSide, cliSide, foldersIn } from '../fixtures/policy-sides';
import type { Binding } from './policy-binding/binding';
import { CASE_FIELDS } from './policy-binding/case-fields';
import { PACKAGE_FIELDS } from './policy-binding/package-fields';
import { VAULT_FIELDS } from './policy-binding/vault-fields';

/**
 * Every field of the machine policy binds the CLI (the real `jejak`, a child process) as it binds
 * the app (the real dispatch): the same operation, under the same policy, seen the same way. The
 * rules live in the core operations both call; a field no command reaches says why (`none`).
 */
const BINDINGS: Binding[] = [...VAULT_FIELDS, ...CASE_FIELDS, ...PACKAGE_FIELDS];

describe('machine policy: the CLI is bound as the app is', () => {
  it('has a binding for every field of the policy schema, and one only', () => {
    expect(BINDINGS.map((b) => b.field).sort()).toEqual(Object.keys(policySchema.shape).sort());
  });

  it.each(BINDINGS.map((b) => [b.field, b] as const))('%s', async (_field, binding) => {
    const given = (await binding.given?.()) ?? {};
    if ('none' in binding.cli) {
      expect(binding.cli.none.length, 'the reason the CLI has no side').toBeGreaterThan(40);
    } else {
      const folders = foldersIn();
      const cli = cliSide(folders, given, binding.policy(folders, given));
      expect(await binding.cli(cli), 'through the CLI').toEqual(binding.expected(folders, given));
    }
    const folders = foldersIn();
    const app = appSide(folders, given, binding.policy(folders, given));
    try {
      expect(await binding.app(app), 'through the app').toEqual(binding.expected(folders, given));
    } finally {
      app.app.lock('test');
    }
  });
});
