// Prints the size of every built JavaScript and CSS file, raw and gzip, and fails the build when
// the JavaScript the first page loads (the entry script and what index.html preloads) passes the
// budget. Chunks loaded later (charts, for one) are listed but not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const out = 'target/classes/public';
const html = readFileSync(join(out, 'index.html'), 'utf8');
const firstPage = new Set(
  [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
);
const assets = readdirSync(join(out, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => {
    const bytes = readFileSync(join(out, 'assets', f));
    return { file: `assets/${f}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('bundle sizes (kB)              raw     gzip  loaded');
for (const a of assets) {
  const when = firstPage.has(a.file) ? 'first page' : a.file.endsWith('.css') ? 'first page (css)' : 'later';
  console.log(`${a.file.padEnd(28)}${kb(a.raw)} ${kb(a.gzip)}  ${when}`);
}
const firstJs = assets.filter((a) => firstPage.has(a.file)).reduce((sum, a) => sum + a.gzip, 0);
console.log(`first page JavaScript: ${(firstJs / 1024).toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (firstPage.size === 0) {
  console.error('no entry script found in index.html');
  process.exit(1);
}
if (firstJs > BUDGET_KB * 1024) {
  console.error(`the first page's JavaScript is over the budget of ${BUDGET_KB} kB gzip`);
  process.exit(1);
}
