import { join } from 'node:path';
import { it } from 'vitest';
import { writePackage } from '../../../electron/core/packages';
import { makeSigner, sampleInput, tempDir } from './helpers';
it('dbg', async () => {
  const { input } = sampleInput(makeSigner('analyst'));
  const p = writePackage(input, join(tempDir(), 'p.zip'), { onProgress: (x) => console.log('progress', x) });
  const t = setInterval(() => console.log('waiting'), 1000);
  try { console.log(await p); } finally { clearInterval(t); }
}, 5000);
