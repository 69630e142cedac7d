/**
 * Skill extraction speed: one ~600-word job description (the three in test/data/skills, repeated to
 * length), with the built-in vocabulary and with ESCO merged (when ../shared holds it). Prints figures.
 *
 *   npx tsx bench/skills.bench.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readEscoSkills } from '../src/files/esco.js';
import {
  BUILT_IN_SKILLS,
  compileVocabulary,
  mergeVocabularies,
  type SkillMatcher,
} from '../src/text/skills.js';

const DATA = fileURLToPath(new URL('../test/data/skills/', import.meta.url));
const ESCO_ZIP = fileURLToPath(
  new URL('../../shared/taxonomy/esco-v1.1.1-classification-en-csv.zip', import.meta.url),
);

const source = ['nurse-job.txt', 'retail-job.txt', 'backend-job.txt']
  .map((f) => readFileSync(DATA + f, 'utf8'))
  .join('\n\n');
const words = source.split(/\s+/).filter(Boolean);
const text = words.concat(words).slice(0, 600).join(' ');

function time(label: string, matcher: SkillMatcher): void {
  for (let i = 0; i < 20; i++) matcher.extract(text); // warm-up
  const runs = 200;
  const t0 = performance.now();
  let spans = 0;
  for (let i = 0; i < runs; i++) spans = matcher.extract(text).length;
  const ms = (performance.now() - t0) / runs;
  console.log(`${label}: ${ms.toFixed(2)} ms per 600-word job description (${spans} spans)`);
}

console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
let t0 = performance.now();
const builtIn = compileVocabulary(BUILT_IN_SKILLS);
console.log(
  `built-in: ${BUILT_IN_SKILLS.length} entries compiled in ${(performance.now() - t0).toFixed(0)} ms`,
);
time('built-in', builtIn);
if (existsSync(ESCO_ZIP)) {
  t0 = performance.now();
  const esco = await readEscoSkills(ESCO_ZIP);
  const read = performance.now() - t0;
  t0 = performance.now();
  const merged = mergeVocabularies(BUILT_IN_SKILLS, esco);
  const mergeMs = performance.now() - t0;
  t0 = performance.now();
  const matcher = compileVocabulary(merged);
  console.log(
    `ESCO: ${esco.length} skills, ${esco.reduce((n, e) => n + e.aliases.length, 0)} labels; read ${read.toFixed(0)} ms, merged ${mergeMs.toFixed(0)} ms, compiled ${(performance.now() - t0).toFixed(0)} ms`,
  );
  time('built-in + ESCO', matcher);
} else console.log(`ESCO skipped: ${ESCO_ZIP} is absent`);
