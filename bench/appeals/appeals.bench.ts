import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { addDays, appealDeadlines } from '../../src/appeals/deadline-rules.ts';
import { cleanFile } from '../../src/evidence/file-rules.ts';
import { letterPdf } from '../../src/appeals/letter-pdf.service.ts';
import { SEED_TEMPLATES } from '../../src/appeals/appeals.seed.ts';

// Prints how long the appeals' own work takes on this machine: the deadline rule, cleaning a
// phone photo and a scanned PDF, and making a letter's PDF. Figures only; tests never assert time.
// Run: npx tsx bench/appeals/appeals.bench.ts

const time = async (label: string, runs: number, fn: () => Promise<unknown> | unknown) => {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  process.stdout.write(
    `${label.padEnd(52)} ${ms < 1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(1)} ms`} per run (${runs} runs)\n`,
  );
};

const photo = await sharp({
  create: {
    width: 4032,
    height: 3024,
    channels: 3,
    background: '#888',
    noise: { type: 'gaussian', mean: 128, sigma: 40 },
  },
})
  .jpeg({ quality: 90 })
  .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' } })
  .toBuffer();
const scanPdf = await (async () => {
  const pdf = await PDFDocument.create();
  const page = await sharp({
    create: {
      width: 1654,
      height: 2339,
      channels: 3,
      background: '#ccc',
      noise: { type: 'gaussian', mean: 200, sigma: 30 },
    },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
  const img = await pdf.embedJpg(page);
  for (let i = 0; i < 5; i++) pdf.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  pdf.setAuthor('Scanner');
  return Buffer.from(await pdf.save());
})();

process.stdout.write(
  `photo ${(photo.length / 1048576).toFixed(1)} MiB (12 MP), scan ${(scanPdf.length / 1048576).toFixed(1)} MiB (5 pages)\n`,
);
let n = 0;
await time('deadline rule (appealDeadlines)', 200_000, () =>
  appealDeadlines({
    channel: n % 2 ? 'post' : 'online',
    sentOn: addDays('2026-01-01', n++ % 365),
    extensionDays: n % 3 ? null : 30,
  }),
);
await time('clean a 12 MP phone photo (re-encode, strip EXIF/GPS)', 5, () => cleanFile(photo));
await time('strip a 5-page scanned PDF', 10, () => cleanFile(scanPdf));
await time('letter PDF with embedded Cyrillic (DejaVu subset)', 20, () =>
  letterPdf({
    addressee: 'Министерство обороны Российской Федерации',
    address: null,
    sender: { fullName: 'Иванова Мария Петровна', postalAddress: '346000, г. Шахты' },
    subject: SEED_TEMPLATES[0].title_ru,
    body: SEED_TEMPLATES[0].body,
    date: '02.03.2026',
    labels: { to: 'Кому', from: 'От', signature: 'Подпись', date: 'Дата', others: '' },
  }),
);
const one = await letterPdf({
  addressee: 'Министерство обороны',
  address: null,
  sender: null,
  subject: SEED_TEMPLATES[0].title_ru,
  body: SEED_TEMPLATES[0].body,
  date: '02.03.2026',
  labels: { to: 'Кому', from: 'От', signature: 'Подпись', date: 'Дата', others: '' },
});
process.stdout.write(`letter PDF size: ${(one.length / 1024).toFixed(0)} KiB\n`);
