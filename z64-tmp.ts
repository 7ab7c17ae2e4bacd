import { Readable } from 'node:stream';
import { writePackage, verifyPackage, countersignPackage } from './electron/core/packages';
import { makeSigner, sampleInput } from './tests/core/packages/helpers';
const chunk = Buffer.alloc(1 << 20, 0x42);
const n = 4200; // 4.1 GiB
const sized = process.argv[2] === 'sized';
const pdf = { path: 'report.pdf', ...(sized ? { size: n * chunk.length } : {}), open: () => Readable.from((function* () { for (let i = 0; i < n; i++) yield chunk; })()) };
const s = sampleInput(makeSigner('analyst'), 'Z64-1', pdf);
let t = performance.now();
const r = await writePackage(s.input, '/tmp/bench/Z64-1.zip');
console.log('write', r.bytes, ((performance.now() - t) / 1000).toFixed(1), 's');
t = performance.now();
const v = await verifyPackage('/tmp/bench/Z64-1.zip');
console.log(v.verdict, v.checks.filter((c) => !c.ok), ((performance.now() - t) / 1000).toFixed(1), 's');
await countersignPackage('/tmp/bench/Z64-1.zip', '/tmp/bench/Z64-2.zip', { signer: makeSigner('supervisor'), decision: 'approved', comment: '' });
console.log((await verifyPackage('/tmp/bench/Z64-2.zip')).verdict);
