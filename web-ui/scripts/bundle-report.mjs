// Prints the size of every built JavaScript and CSS file, raw and gzip, and fails the build when
// the JavaScript a staff member's first page needs passes the budget: the entry script, what it
// imports, and the chunks of the home page ("My day"), which the router loads at once. Chunks
// loaded later (the case workspace, charts) are listed but not counted.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const HOME = 'src/features/my-day/index.ts';
const out = 'target/classes/public';
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
// the manifest is for this report only; it is not served
rmSync(join(out, '.vite'), { recursive: true, force: true });

const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
if (!entry) {
  console.error('no entry chunk in the manifest');
  process.exit(1);
}
const firstPage = new Set();
const follow = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstPage.has(chunk.file)) return;
  firstPage.add(chunk.file);
  for (const imported of chunk.imports ?? []) follow(imported);
};
follow(entry[0]);
if (!manifest[HOME]) {
  console.error(`the home page ${HOME} is not a chunk of its own`);
  process.exit(1);
}
follow(HOME);

const assets = readdirSync(join(out, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => {
    const bytes = readFileSync(join(out, 'assets', f));
    return { file: `assets/${f}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('bundle sizes (kB)                raw     gzip  loaded');
for (const a of assets) {
  const when = firstPage.has(a.file) ? 'first page' : a.file.endsWith('.css') ? 'css' : 'later';
  console.log(`${a.file.padEnd(30)}${kb(a.raw)} ${kb(a.gzip)}  ${when}`);
}
const firstJs = assets.filter((a) => firstPage.has(a.file) && a.file.endsWith('.js')).reduce((sum, a) => sum + a.gzip, 0);
console.log(`first page JavaScript (entry + My day): ${(firstJs / 1024).toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (firstJs > BUDGET_KB * 1024) {
  console.error(`the first page's JavaScript is over the budget of ${BUDGET_KB} kB gzip`);
  process.exit(1);
}
