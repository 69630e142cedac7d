import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { Problem } from '../domain/errors.js';
import { BUILT_IN_SKILLS, compileVocabulary, extractSkills, mergeVocabularies } from '../text/skills.js';
import { readEscoSkills } from './esco.js';

const FIXTURE = fileURLToPath(new URL('../../test/data/skills/esco-sample.csv', import.meta.url));
const ESCO_ZIP = fileURLToPath(
  new URL('../../../shared/taxonomy/esco-v1.1.1-classification-en-csv.zip', import.meta.url),
);
const ESCO_PRESENT = existsSync(ESCO_ZIP);
if (!ESCO_PRESENT) console.log(`ESCO tests skipped: ${ESCO_ZIP} is absent`);

const dir = mkdtempSync(join(tmpdir(), 'onward-esco-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readEscoSkills', () => {
  it('reads skills_en.csv on its own or inside a zip', async () => {
    const csv = readFileSync(FIXTURE);
    const zip = join(dir, 'esco.zip');
    writeFileSync(zip, zipSync({ 'occupations_en.csv': strToU8('x'), 'ESCO/skills_en.csv': csv }));
    const fromCsv = await readEscoSkills(FIXTURE);
    expect(fromCsv.map((e) => e.id)).toEqual([
      'esco:test-0001',
      'esco:test-0002',
      'esco:test-0003',
      'esco:test-0004',
    ]);
    expect(await readEscoSkills(zip)).toEqual(fromCsv);
  });

  it('says what is wrong with a file that is not ESCO', async () => {
    const noSkills = join(dir, 'other.zip');
    writeFileSync(noSkills, zipSync({ 'occupations_en.csv': strToU8('x') }));
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'not a zip');
    const wrongCsv = join(dir, 'people.csv');
    writeFileSync(wrongCsv, 'name,email\nJo,jo@example.com\n');
    for (const [path, message] of [
      [noSkills, /has no skills_en\.csv inside/],
      [broken, /not a readable zip/],
      [wrongCsv, /needs the columns conceptUri and preferredLabel/],
      [join(dir, 'skills.xlsx'), /not an ESCO download/],
      [join(dir, 'absent.csv'), /could not be read/],
    ] as const) {
      const error: unknown = await readEscoSkills(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(Problem);
      expect((error as Problem).message).toMatch(message);
    }
  });

  it.skipIf(!ESCO_PRESENT)('reads the 13,896 skills of ESCO 1.1.1 and matches with them', async () => {
    const esco = await readEscoSkills(ESCO_ZIP);
    expect(esco.length).toBe(13_896);
    expect(esco.filter((e) => e.kind === 'knowledge').length).toBe(3_059);
    expect(esco.reduce((n, e) => n + e.aliases.length, 0)).toBeGreaterThan(95_000);
    const merged = compileVocabulary(mergeVocabularies(BUILT_IN_SKILLS, esco));
    const found = extractSkills('You will manage musical staff and use Excel every day.', merged);
    expect(found.map((s) => s.id)).toEqual(['esco:0005c151-5b5a-4a66-8aac-60e734beb1ab', 'excel']);
  });
});
