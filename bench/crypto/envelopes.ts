// What a key pair and an envelope cost, and that twenty thousand key pairs and seal/open cycles
// run without the process freezing (generateKeyPairSync deadlocked Node 20 within a few thousand
// calls; box.ts no longer uses it). Printed, never asserted.
// Run: npx tsx bench/crypto/envelopes.ts [--count 20000]
import { generateKeyPair, openWith, sealTo } from '../../src/shared/crypto/index.ts';

const at = process.argv.indexOf('--count');
const count = at >= 0 ? Number(process.argv[at + 1]) : 20_000;
const micros = (started: number): string => (((performance.now() - started) * 1000) / count).toFixed(1);

let started = performance.now();
for (let i = 0; i < count; i++) generateKeyPair();
console.log(`key pair        ${micros(started)} µs (${count} made)`);

const recipient = generateKeyPair();
const data = Buffer.from('x'.repeat(200));
started = performance.now();
const boxes: string[] = [];
for (let i = 0; i < count; i++) boxes.push(sealTo(recipient.publicKey, data, 'case:1:narrative'));
console.log(`seal            ${micros(started)} µs`);
started = performance.now();
for (const box of boxes) openWith(recipient.privateKey, box, 'case:1:narrative');
console.log(`open            ${micros(started)} µs (${count} opened)`);
