// Sums the gzipped size (kB = 1000 bytes, as Vite prints) of the built assets and fails the build above the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 300;
const dir = new URL('../dist/assets/', import.meta.url).pathname;

let total = 0;
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const gzipped = gzipSync(readFileSync(path), { level: 9 }).length;
  total += gzipped;
  rows.push(`  ${name.padEnd(40)} ${(gzipped / 1000).toFixed(1).padStart(8)} kB gzip`);
}
console.log(rows.join('\n'));
const kb = total / 1000;
console.log(`bundle: ${kb.toFixed(1)} kB gzipped in total (budget ${budgetKb} kB)`);
if (kb > budgetKb) {
  console.error(`The page is over its budget by ${(kb - budgetKb).toFixed(1)} kB gzipped.`);
  process.exit(1);
}
