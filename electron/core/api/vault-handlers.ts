import { getIdentity } from '../identity/identity';
import { checkPassphrase, createVault, recoverVault, setPassphrase, unlockVault } from '../vault/vault';
import { vaultExists } from '../vault/header';
import { rotateKeys } from '../vault/rotation';
import type { JejakApp } from '../app/jejak-app';
import type { HandlersFor } from './handler-types';

function vaultOptions(app: JejakApp) {
  return {
    actor: app.defaultActor(),
    kdf: app.policy.kdf,
    minStrength: app.minPassphraseStrength(),
    escrowPublicKey: app.policy.escrowPublicKey,
  };
}

export const vaultHandlers: HandlersFor<'vault'> = {
  'vault.status': (_args, app) => {
    const session = app.session;
    return {
      state: session ? 'unlocked' : vaultExists(app.config.vaultDir) ? 'locked' : 'absent',
      vaultDir: app.config.vaultDir,
      language: app.preferences.language,
      autoLockMinutes: app.autoLockMinutes(),
      locked: {
        autoLockMinutes: app.policy.autoLockMinutes !== undefined,
        minPassphraseStrength: app.policy.minPassphraseStrength !== undefined,
      },
      minPassphraseStrength: app.minPassphraseStrength(),
      // The unit fixed by policy, else the one the user gave in their identity.
      unitName: app.policy.unitName ?? (session ? getIdentity(session).unit || null : null),
      actor: session?.actor ?? null,
      role: session ? getIdentity(session).role : null,
      identityMissing: session !== null && !app.policy.allowAnonymousVault && !getIdentity(session).name,
      allowAnonymousVault: app.policy.allowAnonymousVault === true,
      version: app.config.version,
      auditAnchorBroken: session?.anchorFinding
        ? { seq: session.anchorFinding.anchor.seq, reason: session.anchorFinding.reason ?? '' }
        : null,
    };
  },
  'vault.create': async ({ passphrase, identity }, app) => {
    const { session, recoveryCode } = await createVault(app.config.vaultDir, passphrase, {
      ...vaultOptions(app),
      identity,
      allowAnonymous: app.policy.allowAnonymousVault,
      policyUnit: app.policy.unitName,
      policyRole: app.policy.vaultRole,
    });
    app.opened(session);
    return { recoveryCode };
  },
  'vault.unlock': async ({ passphrase }, app) => {
    app.opened(await unlockVault(app.config.vaultDir, { passphrase }, vaultOptions(app)));
    return {};
  },
  'vault.recover': async ({ recoveryCode, newPassphrase }, app) => {
    app.opened(await recoverVault(app.config.vaultDir, recoveryCode, newPassphrase, vaultOptions(app)));
    return {};
  },
  'vault.lock': (_args, app) => {
    app.lock('command');
    return {};
  },
  'vault.changePassphrase': async ({ current, next }, app) => {
    const session = app.requireSession();
    await checkPassphrase(app.config.vaultDir, current);
    await setPassphrase(session, next, { ...vaultOptions(app), reason: 'changed' });
    return {};
  },
  'vault.rotateKeys': async ({ current, next, jobId }, app) => {
    const session = app.detachSession();
    try {
      const rotated = await app.job(jobId, (signal) =>
        rotateKeys(session, {
          ...vaultOptions(app),
          passphrase: current,
          newPassphrase: next,
          signal,
          onProgress: (p) => app.emit({ type: 'progress', jobId, done: p.done, total: p.total, label: p.phase }),
        }),
      );
      app.opened(rotated.session);
      return { recoveryCode: rotated.recoveryCode };
    } catch (e) {
      // Refused before it began (wrong passphrase, policy): still open. Failed later: locked, and the next unlock settles it.
      if (session.isOpen) app.opened(session);
      else app.emit({ type: 'locked', reason: 'key-rotation' });
      throw e;
    }
  },
};
