// Prints how much JavaScript each kind of page loads on first visit (bytes over the wire and
// uncompressed), measured in Debian's Chromium against a running MQ Lab.
// Usage: npm run lab (or the built app on any port), then: npx tsx scripts/bench-pages.ts [baseUrl]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const PAGES = [
  '/en',
  '/zh/lessons/rabbitmq-consuming',
  '/en/questions',
  '/en/exercises',
  '/en/playground',
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
});
console.log('page                               JS files  transferred  uncompressed');
for (const path of PAGES) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { wire: number; raw: number }>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { wire: 0, raw: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.raw += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.wire = e.encodedDataLength;
  });
  // "load" is the first load; the editor and graph chunks that load later are not counted.
  await page.goto(base + path, { waitUntil: 'load' });
  const total = [...scripts.values()].reduce(
    (a, s) => ({ wire: a.wire + s.wire, raw: a.raw + s.raw }),
    { wire: 0, raw: 0 },
  );
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`.padStart(11);
  console.log(
    `${path.padEnd(35)}${String(scripts.size).padStart(8)}  ${kb(total.wire)}  ${kb(total.raw)}`,
  );
  await page.close();
}
await browser.close();
