import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SKILLS,
  compileVocabulary,
  extractSkills,
  matchSkills,
  mergeVocabularies,
  niceToHaveRanges,
  parseCsv,
  parseEscoSkillsCsv,
  skillsOf,
  slugify,
  type SkillEntry,
} from './skills.js';

const ids = (text: string): string[] => extractSkills(text).map((s) => s.id);
const FIXTURE = fileURLToPath(new URL('../../test/data/skills/esco-sample.csv', import.meta.url));

describe('built-in vocabulary', () => {
  it('is broad, with unique slug ids and implications that resolve', () => {
    expect(BUILT_IN_SKILLS.length).toBeGreaterThanOrEqual(600);
    const seen = new Set<string>();
    for (const entry of BUILT_IN_SKILLS) {
      expect(seen.has(entry.id), entry.id).toBe(false);
      seen.add(entry.id);
      expect(entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.aliases.length, entry.id).toBeGreaterThan(0);
    }
    for (const entry of BUILT_IN_SKILLS)
      for (const id of entry.implies ?? []) expect(seen.has(id), `${entry.id} → ${id}`).toBe(true);
    const kinds = new Set(BUILT_IN_SKILLS.map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'certification',
      'knowledge',
      'licence',
      'qualification',
      'skill',
      'tool',
    ]);
  });

  it('covers every kind of job, not only software', () => {
    const sample = [
      'registered-nurse',
      'basic-life-support',
      'advanced-life-support',
      'medication-administration',
      'patient-assessment',
      'epic',
      'cerner',
      'visual-merchandising',
      'stock-control',
      'pos-systems',
      'cash-handling',
      'loss-prevention',
      'rota-planning',
      'profit-and-loss',
      'ifrs',
      'gaap',
      'reconciliation',
      'acca',
      'cpa',
      'sap',
      'xero',
      'quickbooks',
      'electrical-installation',
      '18th-edition',
      'plumbing',
      'welding',
      'cscs-card',
      'forklift-licence',
      'lesson-planning',
      'safeguarding',
      'qts',
      'pgce',
      'classroom-management',
      'sen',
      'seo',
      'google-ads',
      'google-analytics',
      'hubspot',
      'copywriting',
      'inventory-management',
      'wms',
      'hgv-licence',
      'cdl',
      'food-hygiene-certificate',
      'first-aid',
      'cpr',
      'crm',
      'salesforce',
      'pipeline-management',
      'pmp',
      'prince2',
      'agile',
      'scrum',
      'spanish',
      'driving-licence',
    ];
    const known = new Set(BUILT_IN_SKILLS.map((e) => e.id));
    expect(sample.filter((id) => !known.has(id))).toEqual([]);
  });

  it('slugs labels', () => {
    expect(slugify('Stock control')).toBe('stock-control');
    expect(slugify('C++')).toBe('c-plus-plus');
    expect(slugify('P&L')).toBe('p-and-l');
    expect(slugify('Résumé writing')).toBe('resume-writing');
  });
});

describe('extractSkills', () => {
  it('normalises synonyms and spellings', () => {
    expect(ids('JS and JavaScript')).toEqual(['javascript', 'javascript']);
    expect(ids('Postgres or PostgreSQL')).toEqual(['postgresql', 'postgresql']);
    expect(ids('MS Excel, Microsoft Excel, Excel')).toEqual(['excel', 'excel', 'excel']);
    expect(ids('RN or Registered Nurse')).toEqual(['registered-nurse', 'registered-nurse']);
    expect(ids('data visualisation and data visualization')).toEqual([
      'data-visualisation',
      'data-visualisation',
    ]);
    expect(ids('paediatric nursing; pediatric nursing')).toEqual([
      'paediatric-nursing',
      'paediatric-nursing',
    ]);
    expect(ids('a personal license holder')).toEqual(['personal-licence']);
  });

  it('reads the shapes of technical names', () => {
    expect(ids('C++, C#, F# and .NET')).toEqual(['cplusplus', 'csharp', 'fsharp', 'dotnet']);
    expect(ids('ASP.NET Core on Azure')).toEqual(['aspnet', 'azure']);
    expect(ids('Node.js, NodeJS')).toEqual(['nodejs', 'nodejs']);
    expect(ids('CI/CD pipelines')).toEqual(['ci-cd']);
    expect(ids('CompTIA A+ certified')).toEqual(['comptia-a-plus']);
  });

  it('treats hyphens, plurals and line breaks as the same words', () => {
    expect(ids('e-mail marketing and email marketing')).toEqual(['email-marketing', 'email-marketing']);
    expect(ids('object oriented programming, object-oriented programming')).toEqual([
      'object-oriented-programming',
      'object-oriented-programming',
    ]);
    expect(ids('carries out patient assessments')).toEqual(['patient-assessment']);
    expect(ids('patient\nassessment')).toEqual(['patient-assessment']);
  });

  it('does not join words across a comma, a full stop or a blank line', () => {
    expect(ids('Google, Ads')).toEqual([]);
    expect(ids('stock.\nControl')).toEqual([]);
    expect(ids('patient\n\nassessment')).toEqual([]);
  });

  it('guards acronyms and words that are ordinary English elsewhere', () => {
    expect(ids('We are ready to go live.')).toEqual([]);
    expect(ids('Backend services in Go and Python')).toEqual(['go', 'python']);
    expect(ids('Golang')).toEqual(['go']);
    expect(ids('you will excel in this role')).toEqual([]);
    expect(ids('turn the rn into a pos')).toEqual([]);
    expect(ids('React and TypeScript')).toEqual(['react', 'typescript']);
    expect(ids('how you react to change')).toEqual([]);
    expect(ids('Spring is a busy season in the garden centre')).toEqual([]);
    expect(ids('Spring Boot')).toEqual(['spring']);
    expect(ids('We use Epic for patient records')).toEqual(['epic']);
    expect(ids('an epic journey')).toEqual([]);
  });

  it('gives exact offsets, longest match first, without overlaps', () => {
    const text = 'Experience with Microsoft SQL Server and  Advanced Life Support (ALS).';
    const spans = extractSkills(text);
    expect(spans.map((s) => s.id)).toEqual(['sql-server', 'advanced-life-support', 'advanced-life-support']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans[0]).toMatchObject({
      text: 'Microsoft SQL Server',
      kind: 'tool',
      label: 'Microsoft SQL Server',
    });
  });

  it('gives unique entries with skillsOf, and nothing for empty text', () => {
    expect(skillsOf('Excel, MS Excel and SQL').map((e) => e.id)).toEqual(['excel', 'sql']);
    expect(extractSkills('')).toEqual([]);
    expect(skillsOf('   ')).toEqual([]);
  });

  it('accepts a vocabulary of its own, compiled or as entries', () => {
    const own: SkillEntry[] = [
      { id: 'hive-care', label: 'Hive care', kind: 'skill', aliases: ['hive care', 'beekeeping'] },
    ];
    expect(ids('Beekeeping')).toEqual([]);
    expect(extractSkills('Beekeeping and hive care', own).map((s) => s.id)).toEqual([
      'hive-care',
      'hive-care',
    ]);
    expect(extractSkills('Beekeeping', compileVocabulary(own)).map((s) => s.id)).toEqual(['hive-care']);
    expect(() => compileVocabulary([{ id: 'x', label: 'X', kind: 'skill', aliases: ['x@nowhere'] }])).toThrow(
      /unknown context/,
    );
  });
});

describe('matchSkills', () => {
  it('lists matched, missing and extra skills with the coverage', () => {
    const job = 'We need SQL, Docker and Kubernetes.';
    const resume = 'I built services on PostgreSQL and Docker; I also know Redis.';
    const m = matchSkills(job, resume);
    expect(m.required.map((e) => e.id)).toEqual(['sql', 'docker', 'kubernetes']);
    // PostgreSQL covers SQL.
    expect(m.matched.map((e) => e.id)).toEqual(['sql', 'docker']);
    expect(m.missing.map((e) => e.id)).toEqual(['kubernetes']);
    expect(m.extra.map((e) => e.id)).toEqual(['postgresql', 'redis']);
    expect(m.coverage).toBeCloseTo(2 / 3);
  });

  it('keeps nice-to-have skills apart, at lower weight', () => {
    const job = [
      'Requirements',
      '- Excel',
      '- Stock control',
      '',
      'Nice to have',
      '- SAP',
      '- Forklift licence',
      '',
      'You will work in a friendly team. Experience with Xero is a plus.',
      'Preferred: PRINCE2',
    ].join('\n');
    const m = matchSkills(job, 'Excel and SAP');
    expect(m.required.map((e) => e.id)).toEqual(['excel', 'stock-control']);
    expect(m.niceToHave.all.map((e) => e.id)).toEqual(['sap', 'forklift-licence', 'xero', 'prince2']);
    expect(m.niceToHave.matched.map((e) => e.id)).toEqual(['sap']);
    expect(m.coverage).toBe(0.5);
    expect(m.weightedCoverage).toBeCloseTo((1 + 0.5) / (2 + 2));
  });

  it('counts a skill asked for both ways as required', () => {
    const m = matchSkills('Must have Excel.\nDesirable: advanced Excel and SQL', '');
    expect(m.required.map((e) => e.id)).toEqual(['excel']);
    expect(m.niceToHave.all.map((e) => e.id)).toEqual(['sql']);
  });

  it('has no coverage figure when the job names nothing', () => {
    const m = matchSkills('A lovely job with lovely people.', 'Excel');
    expect(m.coverage).toBeNull();
    expect(m.weightedCoverage).toBeNull();
    expect(m.missing).toEqual([]);
    expect(m.extra.map((e) => e.id)).toEqual(['excel']);
  });

  it('finds the nice-to-have parts of a job description', () => {
    const text = 'Essential:\n- A\nDesirable:\n- B\n\nWe offer a pension.';
    const ranges = niceToHaveRanges(text);
    const covered = (word: string): boolean =>
      ranges.some(([from, to]) => text.indexOf(word) >= from && text.indexOf(word) < to);
    expect(covered('- A')).toBe(false);
    expect(covered('- B')).toBe(true);
    expect(covered('pension')).toBe(false);
  });
});

describe('ESCO CSV', () => {
  it('parses RFC 4180 CSV', () => {
    const csv = '\uFEFFa,b,c\r\n1,"two, with comma","three\nlines ""quoted"""\r\n\r\nx,,z';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, with comma', 'three\nlines "quoted"'],
      ['x', '', 'z'],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(/quoted field/);
  });

  it('turns skills_en.csv rows into entries', () => {
    const entries = parseEscoSkillsCsv(readFileSync(FIXTURE, 'utf8'));
    expect(entries.map((e) => [e.id, e.kind, e.label])).toEqual([
      ['esco:test-0001', 'skill', 'restock shelves'],
      ['esco:test-0002', 'knowledge', 'beekeeping'],
      ['esco:test-0003', 'knowledge', 'JavaScript'],
      ['esco:test-0004', 'skill', 'operate forklift'],
    ]);
    expect(entries[0]?.aliases).toEqual([
      'restock shelves',
      'refill shelves',
      'replenish shelves',
      'shelf filling',
    ]);
    expect(() => parseEscoSkillsCsv('name,description\nx,y')).toThrow(/conceptUri/);
  });

  it('merges with the built-in vocabulary, built-in winning', () => {
    const esco = parseEscoSkillsCsv(readFileSync(FIXTURE, 'utf8'));
    const merged = mergeVocabularies(BUILT_IN_SKILLS, esco);
    expect(merged.length).toBe(BUILT_IN_SKILLS.length + 3);
    expect(merged.find((e) => e.id === 'esco:test-0003')).toBeUndefined();
    expect(merged.find((e) => e.id === 'esco:test-0004')?.aliases).toEqual([
      'operate forklift',
      'drive a forklift truck',
    ]);
    const matcher = compileVocabulary(merged);
    const text = 'Refill shelves, drive a forklift truck, JS and a forklift, and some apiculture.';
    expect(extractSkills(text, matcher).map((s) => s.id)).toEqual([
      'esco:test-0001',
      'esco:test-0004',
      'javascript',
      'forklift-operation',
      'esco:test-0002',
    ]);
  });
});

describe('what the employer offers is not asked of the candidate', () => {
  it('skips benefits sections and sentences saying what they give', () => {
    const jd = [
      'Warehouse Supervisor',
      'You will run stock control and lead a team of pickers.',
      'You will receive a full induction and a named buddy for your first three months.',
      '',
      'What we offer:',
      '- wellbeing days and an employee assistance programme',
      '- onboarding with our health and safety team',
    ].join('\n');
    const m = matchSkills(jd, '');
    const ids = m.required.map((e) => e.label.toLowerCase()).join(' | ');
    expect(ids).toMatch(/stock control/);
    expect(ids).not.toMatch(/onboarding|wellbeing|induction/);
  });
});
