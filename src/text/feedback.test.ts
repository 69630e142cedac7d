import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_THEMES, type FeedbackTheme } from '../domain/model.js';
import { tagFeedback, themesOf, type ThemeTag } from './feedback.js';

const OWN_SET = fileURLToPath(new URL('../../test/data/feedback-own.jsonl', import.meta.url));
const DEV_SET = fileURLToPath(new URL('../../../shared/corpus/feedback-dev.jsonl', import.meta.url));

type Polarity = 'positive' | 'negative';

/** Theme → polarity, one entry per theme (the first tag of each). */
function found(text: string): Record<string, Polarity> {
  const out: Record<string, Polarity> = {};
  for (const tag of tagFeedback(text)) out[tag.theme] ??= tag.polarity;
  return out;
}

describe('tagFeedback: each theme, praised and criticised', () => {
  // Sentences written for this test, not taken from the labelled file.
  const cases: [FeedbackTheme, Polarity, string][] = [
    ['communication', 'positive', 'You explained your reasoning clearly and concisely.'],
    ['communication', 'negative', 'Your answers wandered and you rambled on the second question.'],
    ['technical_skills', 'positive', 'Your knowledge of payroll legislation was excellent.'],
    ['technical_skills', 'negative', 'You struggled with the SQL exercise.'],
    ['experience', 'positive', 'Your ten years of experience in hospitality are a real asset.'],
    ['experience', 'negative', 'You do not yet have enough experience of acute care.'],
    ['culture_fit', 'positive', 'We think you would fit in really well with the team.'],
    ['culture_fit', 'negative', 'We were not sure you would suit our fast-paced environment.'],
    ['preparation_research', 'positive', 'You had clearly researched our company before the interview.'],
    ['preparation_research', 'negative', 'You did not seem to know much about our products.'],
    ['examples_evidence', 'positive', 'Your examples were specific and compelling.'],
    ['examples_evidence', 'negative', 'Your answers lacked concrete examples.'],
    ['motivation_enthusiasm', 'positive', 'Your enthusiasm for the role was obvious.'],
    ['motivation_enthusiasm', 'negative', 'We were not convinced you really wanted the job.'],
    ['questions_asked', 'positive', 'You asked some excellent questions about the team.'],
    ['questions_asked', 'negative', 'You did not ask any questions at the end.'],
    ['leadership', 'positive', 'Your experience leading a team of nurses was impressive.'],
    ['leadership', 'negative', 'We did not see enough evidence of leading people.'],
    ['salary_expectations', 'positive', 'Your salary expectations were within our range.'],
    ['salary_expectations', 'negative', 'Your salary expectations were above our budget.'],
  ];
  it.each(cases)('%s %s: %s', (theme, polarity, text) => {
    expect(found(text)[theme]).toBe(polarity);
  });

  it('competition is always negative: another candidate, a strong field', () => {
    expect(found('Another candidate had more experience.')).toEqual({
      competition: 'negative',
      experience: 'negative',
    });
    expect(themesOf('We had many strong applicants.')).toEqual(['competition']);
    expect(themesOf('We received over 300 applications for this post.')).toEqual(['competition']);
    expect(themesOf('We have decided to move forward with other candidates.')).toEqual(['competition']);
  });

  it('praise of a strength also adds `positive`, once per text', () => {
    const tags = tagFeedback('Your coding was excellent. Your communication was very clear.');
    expect(tags.filter((t) => t.theme === 'positive')).toHaveLength(1);
    expect(found('Your coding was excellent.')).toEqual({
      technical_skills: 'positive',
      positive: 'positive',
    });
    expect(found('You interviewed really well.')).toEqual({ positive: 'positive' });
  });

  it('criticism alone does not add `positive`', () => {
    expect(themesOf('Your coding was weak.')).toEqual(['technical_skills']);
  });
});

describe('tagFeedback: contrast, negation and hedges', () => {
  it('splits a mixed sentence at its contrast', () => {
    expect(found('Your technical answers were strong, but you rambled.')).toEqual({
      technical_skills: 'positive',
      communication: 'negative',
      positive: 'positive',
    });
    expect(
      found('Your examples were great but we did not get a sense of why you want to work here.'),
    ).toEqual({
      examples_evidence: 'positive',
      motivation_enthusiasm: 'negative',
      positive: 'positive',
    });
    expect(
      found('Although your qualifications are impressive, you have little hands-on experience.'),
    ).toMatchObject({ experience: 'negative', positive: 'positive' });
  });

  it('reads negation', () => {
    expect(found('There were not enough examples.').examples_evidence).toBe('negative');
    expect(found('You did not come across as confident.').communication).toBe('negative');
    expect(found('You did not ramble at all.').communication).toBe('positive');
    expect(found('We had no concerns about your technical ability.').technical_skills).toBe('positive');
    expect(found('Your enthusiasm did not come through.').motivation_enthusiasm).toBe('negative');
    expect(found('Nobody on the panel doubted your commitment.').motivation_enthusiasm).toBe('positive');
  });

  it('reads hedged advice as a development area', () => {
    expect(found('Perhaps a little more detail on your results would help.').examples_evidence).toBe(
      'negative',
    );
    expect(found('It would have been great to hear more examples.').examples_evidence).toBe('negative');
    expect(found('You might want to be a bit more concise.').communication).toBe('negative');
    expect(themesOf('It would have been great to hear more examples.')).not.toContain('positive');
  });

  it('handles British and American spellings', () => {
    expect(found('Your behaviour management was excellent.').technical_skills).toBe('positive');
    expect(found('Your behavior management was excellent.').technical_skills).toBe('positive');
    expect(found('You had not researched the organisation.').preparation_research).toBe('negative');
    expect(found('You had not researched the organization.').preparation_research).toBe('negative');
    expect(found('Your financial modelling was weak.').technical_skills).toBe('negative');
    expect(found('Your financial modeling was weak.').technical_skills).toBe('negative');
  });
});

describe('tagFeedback: sentences that carry no theme', () => {
  it.each([
    'Thanks for your patience.',
    'Thank you for your interest in the Software Engineer role.',
    'If you have any questions about this feedback, please get in touch.',
    'We will keep your details on file for six months.',
    'We hope your experience of our recruitment process was a positive one.',
    'The role will involve leading the night team.',
    'We encourage you to apply for future openings that match your skills and experience.',
    'Please do not hesitate to contact me.',
    'Best of luck with your search.',
    '',
    '   \n ',
  ])('%j', (text) => {
    expect(tagFeedback(text)).toEqual([]);
  });
});

describe('tagFeedback: sentences and offsets', () => {
  const text =
    'Thank you for coming in on Tuesday.\n\nStrengths:\n- Clear, well-structured answers\n' +
    '- Good knowledge of e.g. stock control, i.e. the basics\n\nAreas to develop: you did not ask ' +
    'any questions. Another candidate had 5.5 years of experience!';
  const tags = tagFeedback(text);

  it('gives each tag its sentence, exactly as in the text', () => {
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(text.slice(tag.start, tag.end)).toBe(tag.sentence);
      expect(tag.sentence).toBe(tag.sentence.trim());
      expect(tag.sentence.includes(tag.cue)).toBe(true);
    }
  });

  it('splits at blank lines, bullets and full stops, but not after abbreviations or in decimals', () => {
    const sentences = [...new Set(tags.map((t) => t.sentence))];
    expect(sentences).toEqual([
      'Clear, well-structured answers',
      'Good knowledge of e.g. stock control, i.e. the basics',
      'Areas to develop: you did not ask any questions.',
      'Another candidate had 5.5 years of experience!',
    ]);
  });

  it('sorts by start, with at most one tag per theme per sentence', () => {
    for (let i = 1; i < tags.length; i++) {
      expect((tags[i] as ThemeTag).start).toBeGreaterThanOrEqual((tags[i - 1] as ThemeTag).start);
    }
    const keys = tags.map((t) => `${t.start}:${t.theme}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(themesOf(text)).toEqual([
      'communication',
      'positive',
      'technical_skills',
      'questions_asked',
      'competition',
      'experience',
    ]);
  });

  it('keeps offsets right around non-ASCII text', () => {
    const t = 'Merci ! Your résumé — and your “examples” — were excellent. Your salary ask was too high.';
    for (const tag of tagFeedback(t)) expect(t.slice(tag.start, tag.end)).toBe(tag.sentence);
    expect(found(t)).toMatchObject({ examples_evidence: 'positive', salary_expectations: 'negative' });
  });

  it('is deterministic', () => {
    const again = tagFeedback(text);
    expect(again).toEqual(tags);
    expect(JSON.stringify(tagFeedback(text))).toBe(JSON.stringify(tags));
  });

  it('copes with long texts', () => {
    const long = 'Your examples were vague and you rambled. '.repeat(2000);
    const t0 = performance.now();
    const result = tagFeedback(long);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(result.filter((t) => t.theme === 'communication')).toHaveLength(2000);
  });
});

// ---------------------------------------------------------------------------------------------------

interface Labelled {
  id: string;
  text: string;
  themes: (FeedbackTheme | { theme: FeedbackTheme; polarity?: Polarity })[];
}

function load(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);
}

/** Theme-level scores ignoring polarity; macro-F1 over themes in the labels or the output. */
function score(items: Labelled[]): { macroF1: number; perTheme: Record<string, number>; polarity: number } {
  const counts = new Map(FEEDBACK_THEMES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let checked = 0;
  let right = 0;
  for (const item of items) {
    const got = new Map<FeedbackTheme, Polarity>();
    for (const tag of tagFeedback(item.text)) if (!got.has(tag.theme)) got.set(tag.theme, tag.polarity);
    const want = new Map(
      item.themes.map((t) => (typeof t === 'string' ? [t, undefined] : ([t.theme, t.polarity] as const))),
    );
    for (const theme of FEEDBACK_THEMES) {
      const c = counts.get(theme) as { tp: number; fp: number; fn: number };
      if (got.has(theme) && want.has(theme)) {
        c.tp++;
        const p = want.get(theme);
        if (p !== undefined) {
          checked++;
          if (p === got.get(theme)) right++;
        }
      } else if (got.has(theme)) c.fp++;
      else if (want.has(theme)) c.fn++;
    }
  }
  const perTheme: Record<string, number> = {};
  for (const [theme, c] of counts) {
    if (c.tp + c.fp + c.fn === 0) continue;
    perTheme[theme] = c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  }
  const f1s = Object.values(perTheme);
  return {
    macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
    perTheme,
    polarity: checked === 0 ? Number.NaN : right / checked,
  };
}

describe('evaluation', () => {
  it('the labelled file covers every theme, both polarities, and texts with no theme', () => {
    const items = load(OWN_SET);
    expect(items.length).toBeGreaterThanOrEqual(240);
    const seen = new Set<string>();
    for (const item of items) {
      for (const t of item.themes) if (typeof t !== 'string') seen.add(`${t.theme}:${t.polarity}`);
    }
    for (const theme of FEEDBACK_THEMES) {
      if (theme !== 'positive') expect(seen.has(`${theme}:negative`), theme).toBe(true);
      if (theme !== 'competition') expect(seen.has(`${theme}:positive`), theme).toBe(true);
    }
    expect(items.filter((i) => i.themes.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('reaches macro-F1 ≥ 0.80 on our own labelled file', () => {
    const { macroF1, perTheme, polarity } = score(load(OWN_SET));
    console.log(
      `feedback-own: macro-F1 ${macroF1.toFixed(3)}, polarity accuracy ${polarity.toFixed(3)}; ` +
        Object.entries(perTheme)
          .map(([t, f]) => `${t} ${f.toFixed(2)}`)
          .join(', '),
    );
    expect(macroF1).toBeGreaterThanOrEqual(0.8);
    expect(polarity).toBeGreaterThanOrEqual(0.85);
  });

  it('prints the figures on ../shared/corpus/feedback-dev.jsonl when it is there', () => {
    if (!existsSync(DEV_SET)) {
      console.log('feedback-dev: ../shared/corpus/feedback-dev.jsonl is absent');
      return;
    }
    const items = load(DEV_SET);
    const { macroF1, perTheme } = score(items);
    console.log(
      `feedback-dev (${items.length} texts, not asserted): macro-F1 ${macroF1.toFixed(3)}; ` +
        Object.entries(perTheme)
          .map(([t, f]) => `${t} ${f.toFixed(2)}`)
          .join(', '),
    );
    expect(Number.isFinite(macroF1)).toBe(true);
  });
});
