/**
 * The recruiter checks of issue 6: three job descriptions, each with a résumé (as .docx, .pdf and .md
 * files, read by the document readers), where the missing skills must be the ones a recruiter would list.
 * The expected lists (test/data/skills/expected.json) were written before the extractor was tuned.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/files/documents.js';
import { matchSkills } from '../src/text/skills.js';
import { makeDocx, makePdf } from './documents.js';

interface Case {
  job: string;
  resume: string;
  resumeAs: 'docx' | 'pdf' | 'md';
  required: string[];
  missing: string[];
  niceToHaveMissing: string[];
  coverage: number;
}

const DATA = fileURLToPath(new URL('./data/skills/', import.meta.url));
const expected = JSON.parse(readFileSync(join(DATA, 'expected.json'), 'utf8')) as Record<
  string,
  Case | string
>;
const cases = Object.entries(expected).filter(
  (entry): entry is [string, Case] => typeof entry[1] !== 'string',
);

const dir = mkdtempSync(join(tmpdir(), 'onward-recruiter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function resumeFile(name: string, c: Case): Promise<string> {
  const text = readFileSync(join(DATA, c.resume), 'utf8');
  const path = join(dir, `${name}-resume.${c.resumeAs}`);
  if (c.resumeAs === 'docx') writeFileSync(path, makeDocx(text));
  else if (c.resumeAs === 'pdf') writeFileSync(path, makePdf(text));
  else writeFileSync(path, text);
  return path;
}

const sorted = (ids: string[]): string[] => [...ids].sort();

describe('skills a recruiter would list as missing', () => {
  it('has the three cases, with a résumé as .docx, one as .pdf and one as .md', () => {
    expect(cases.map(([name]) => name)).toEqual(['nurse', 'retail', 'backend']);
    expect(sorted(cases.map(([, c]) => c.resumeAs))).toEqual(['docx', 'md', 'pdf']);
  });

  for (const [name, c] of cases) {
    it(`${name}: the job's requirements, the missing skills and the coverage`, async () => {
      const job = await readDocument(join(DATA, c.job));
      const resume = await readDocument(await resumeFile(name, c));
      const m = matchSkills(job, resume);
      expect(sorted(m.required.map((e) => e.id))).toEqual(sorted(c.required));
      expect(sorted(m.missing.map((e) => e.id))).toEqual(sorted(c.missing));
      expect(sorted(m.niceToHave.missing.map((e) => e.id))).toEqual(sorted(c.niceToHaveMissing));
      expect(m.coverage).toBeCloseTo(c.coverage, 10);
      expect(m.matched.length + m.missing.length).toBe(m.required.length);
    });
  }
});
