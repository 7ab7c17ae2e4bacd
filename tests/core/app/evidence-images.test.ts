import { describe, expect, it } from 'vitest';
import { evidenceImage, packageImage } from '../../../electron/core/app/evidence-images';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE } from '../../fixtures/temp';
import { dispatch } from '../../../electron/core/api/dispatch';

// The functions behind the desktop app's jejak-evidence: protocol (electron/main/app-protocol.ts).
describe('evidence protocol paths', () => {
  it('answers 400 to malformed percent-encoding instead of throwing, unlocked or not', async () => {
    const app = testApp();
    expect((await packageImage(app, '/%E0%A4%A')).status).toBe(400);
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    for (const bad of ['/%E0%A4%A', '/00000000-0000-0000-0000-000000000000/data/%E0%A4%A', '%']) {
      const reply = await packageImage(app, bad);
      expect(reply.status).toBe(400);
    }
    expect((await packageImage(app, '/00000000-0000-0000-0000-000000000000/data/evidence/x.png')).status).toBe(404);
    expect(evidenceImage(app, '/%E0%A4%A/thumb').status).toBe(404);
    app.lock('test');
  });
});
