import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_WORDS,
  TONE_ISSUE_KINDS,
  checkTone,
  type ToneIssue,
  type ToneIssueKind,
  type ToneReport,
} from './tone.js';

const EVAL_FILE = new URL('../../test/data/tone-sentences.jsonl', import.meta.url);

function kinds(report: ToneReport): ToneIssueKind[] {
  return report.issues.map((i) => i.kind);
}

function only(text: string, kind: ToneIssueKind): ToneIssue {
  const report = checkTone(text);
  const found = report.issues.filter((i) => i.kind === kind);
  expect(found, `${kind} in ${JSON.stringify(text)}: ${JSON.stringify(report.issues)}`).toHaveLength(1);
  return found[0] as ToneIssue;
}

/** Every issue marks text.slice(start, end), issues are sorted, and no kind overlaps itself. */
function expectWellFormed(text: string, report: ToneReport): void {
  let previous = -1;
  for (const issue of report.issues) {
    expect(issue.text).toBe(text.slice(issue.start, issue.end));
    expect(issue.start).toBeGreaterThanOrEqual(previous);
    expect(issue.end).toBeGreaterThan(issue.start);
    expect(issue.end).toBeLessThanOrEqual(text.length);
    expect(issue.suggestion.length).toBeGreaterThan(20);
    previous = issue.start;
  }
  for (const kind of TONE_ISSUE_KINDS) {
    const spans = report.issues.filter((i) => i.kind === kind);
    for (let a = 0; a < spans.length; a++) {
      for (let b = a + 1; b < spans.length; b++) {
        const x = spans[a] as ToneIssue;
        const y = spans[b] as ToneIssue;
        expect(x.end <= y.start || y.end <= x.start, `${kind} issues overlap`).toBe(true);
      }
    }
  }
  expect(report.ok).toBe(report.issues.length === 0);
}

const GRACIOUS_REPLY = `Dear Ms Patel,

Thank you for letting me know, and for the time you and the team gave me on Thursday. I was disappointed, of course, but I understand your decision and I really enjoyed meeting everyone on the ward. Unfortunately my answer on medication safety wasn't as strong as I'd hoped, and your comments on it were very useful; I've already booked a refresher course through the NHS trust.

If you're able to share any further feedback, I would be grateful, as I'm keen to keep improving. Please keep me in mind for future Staff Nurse or bank roles. I'd love to stay in touch.

With best wishes,
Amira Hassan RN`;

describe('checkTone: interface', () => {
  it('exports the issue kinds in the agreed order', () => {
    expect(TONE_ISSUE_KINDS).toEqual([
      'anger',
      'sarcasm',
      'blame',
      'arguing',
      'pleading',
      'all_caps',
      'exclamations',
      'too_long',
    ]);
  });

  it('handles empty and blank text', () => {
    expect(checkTone('')).toEqual({ ok: true, issues: [], words: 0 });
    expect(checkTone(' \r\n\t ')).toEqual({ ok: true, issues: [], words: 0 });
  });

  it('passes a gracious ~120-word rejection reply clean', () => {
    const report = checkTone(GRACIOUS_REPLY);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.words).toBeGreaterThan(100);
    expect(report.words).toBeLessThan(140);
  });
});

describe('checkTone: anger', () => {
  it('marks hostile words and phrases', () => {
    expect(only('This is ridiculous.', 'anger').text).toBe('ridiculous');
    expect(only('How dare you reject me after four rounds?', 'anger').text).toBe('How dare');
    expect(only('Honestly, what the hell was the point?', 'anger').text).toBe('what the hell');
    expect(only("I'll be leaving an honest review on Glassdoor.", 'anger').text).toBe(
      'leaving an honest review',
    );
  });

  it('uses AFINN scores: profanity, masked swearing, and harsh words aimed at them', () => {
    expect(only('This is bullshit.', 'anger').text).toBe('bullshit');
    expect(only('What a f***ing joke.', 'anger').text).toBe('f***ing');
    expect(only('Your recruiters are nasty.', 'anger').text).toBe('recruiters are nasty');
  });

  it('marks an angry emoji with correct UTF-16 offsets', () => {
    const text = 'Thanks for the update 😡';
    const issue = only(text, 'anger');
    expect(issue.text).toBe('😡');
    expect(issue.start).toBe(text.indexOf('😡'));
    expect(issue.end - issue.start).toBe(2);
  });

  it('does not flag negated feelings or gracious sadness', () => {
    expect(checkTone('I am not angry at all; these things happen.').ok).toBe(true);
    expect(checkTone("I'm not upset, just keen to learn.").ok).toBe(true);
    expect(checkTone('I was disappointed, but I understand your decision.').ok).toBe(true);
    expect(checkTone("It's sad to miss out, and unfortunately the timing wasn't right.").ok).toBe(true);
    expect(checkTone('I hate to bother you, but is there any update?').ok).toBe(true);
    expect(checkTone('I had an awful cold on the day, which is on me.').ok).toBe(true);
  });

  it('treats "can\'t tell you how" and "never been so" as intensifiers, not negations', () => {
    expect(only("I can't tell you how annoyed I am.", 'anger').text).toBe('annoyed');
    expect(kinds(checkTone("I've never been so insulted."))).toContain('anger');
  });
});

describe('checkTone: sarcasm', () => {
  it('marks thanks and praise that mean the opposite', () => {
    const text = 'Thanks so much for the generic feedback, very helpful.';
    expect(only(text, 'sarcasm').text).toBe('Thanks so much for the generic feedback, very helpful');
    expect(only('Thanks for nothing.', 'sarcasm').text).toBe('Thanks for nothing');
    expect(only('Oh great, another automated rejection.', 'sarcasm').text).toBe('Oh great, another');
  });

  it('marks scare quotes around their words, curly or straight', () => {
    expect(only('I’m sure your “culture fit” is exactly what you wanted.', 'sarcasm').text).toBe(
      '“culture fit”',
    );
    expect(only('Thanks for the "feedback".', 'sarcasm').text).toBe('"feedback"');
  });

  it('does not flag sincere thanks, quoted titles or reported words', () => {
    expect(checkTone('Thank you for the detailed feedback, very helpful.').ok).toBe(true);
    expect(checkTone('I loved your talk "Scaling Teams" at the conference.').ok).toBe(true);
    expect(checkTone('You mentioned "communication" as an area to work on, which is fair.').ok).toBe(true);
  });
});

describe('checkTone: blame', () => {
  it('marks faulting them', () => {
    expect(only('Clearly you didn’t read my CV.', 'blame').text).toBe('Clearly you didn’t read');
    expect(only('Your recruitment process is disorganised.', 'blame').text).toBe(
      'Your recruitment process is disorganised',
    );
    expect(only('It was a waste of my time.', 'blame').text).toBe('waste of my time');
    expect(only('You wasted three weeks of my life.', 'blame').text).toBe('You wasted');
  });

  it('does not flag gracious asides or self-criticism', () => {
    expect(checkTone("Thank you, I know you didn't have to reply.").ok).toBe(true);
    expect(checkTone("I know you can't give detailed feedback to everyone.").ok).toBe(true);
    expect(checkTone("I don't blame you at all; it was a strong field.").ok).toBe(true);
    expect(checkTone('I should have told you about my notice period sooner.').ok).toBe(true);
    expect(checkTone('You never know what the future holds!').ok).toBe(true);
  });
});

describe('checkTone: arguing', () => {
  it('marks disputing the decision or the feedback', () => {
    expect(only('I disagree with the feedback about my communication.', 'arguing').text).toBe('disagree');
    expect(only('With respect, I believe my experience fully met the criteria.', 'arguing').text).toBe(
      'With respect, I believe my experience fully met the criteria',
    );
    expect(only('That is not an accurate description of the interview.', 'arguing').text).toBe(
      'is not an accurate description',
    );
    expect(only('I did give specific examples of managing a budget.', 'arguing').text).toBe('I did give');
    expect(only('I think you made a mistake.', 'arguing').text).toBe('you made a mistake');
  });

  it('does not flag agreement, humility or hopes', () => {
    expect(checkTone("I don't disagree with any of it; the points are fair.").ok).toBe(true);
    expect(checkTone("I couldn't agree more with your comments.").ok).toBe(true);
    expect(checkTone('I hope to meet all the criteria next time.').ok).toBe(true);
    expect(checkTone("I know I wasn't the strongest candidate.").ok).toBe(true);
  });
});

describe('checkTone: pleading', () => {
  it('marks begging for the job', () => {
    const text = 'Please, I really need this job, is there anything at all you can do?';
    expect(only(text, 'pleading').text).toBe('I really need this job, is there anything at all');
    expect(only("I'm begging you.", 'pleading').text).toBe('begging');
    // Sorted by start: "Please" (pleading) comes before "reconsider" (arguing).
    expect(kinds(checkTone('Please reconsider your decision.'))).toEqual(['pleading', 'arguing']);
  });

  it('does not flag ordinary requests', () => {
    expect(checkTone('Please keep me in mind for future roles.').ok).toBe(true);
    expect(checkTone("Please don't hesitate to contact me.").ok).toBe(true);
    expect(checkTone("I'd love another chance to interview if a similar role opens up.").ok).toBe(true);
    expect(checkTone('Is there any chance you could share the scoring criteria?').ok).toBe(true);
  });
});

describe('checkTone: capitals', () => {
  it('marks a shouted word or a run of shouted words', () => {
    expect(only('I did NOT get a fair chance.', 'all_caps').text).toBe('NOT');
    expect(only('THANK YOU SO MUCH for your time.', 'all_caps').text).toBe('THANK YOU SO MUCH');
    expect(only('That was HUGELY disappointing.', 'all_caps').text).toBe('HUGELY');
  });

  it('leaves acronyms, qualifications and words with digits alone', () => {
    const text =
      'I have NHS, SQL, AWS, HR and UK experience, an RN licence, a GCSE in maths, a PGCE, ' +
      'COVID-19 ward cover, EC2, CI/CD, the STAR method and a CV in the USA; A&E too.';
    expect(checkTone(text).ok).toBe(true);
    expect(checkTone('I know the NHS UK guidance well.').ok).toBe(true);
  });
});

describe('checkTone: exclamations', () => {
  it('allows one exclamation mark, or two in an email', () => {
    expect(checkTone('Thank you!').ok).toBe(true);
    expect(checkTone('Thank you! I hope we speak soon!').ok).toBe(true);
  });

  it('marks doubled marks on the sentence that carries them', () => {
    expect(only('Thank you!!!', 'exclamations').text).toBe('Thank you!!!');
    expect(only('Are you serious?! I waited weeks.', 'exclamations').text).toBe('Are you serious?!');
  });

  it('marks every exclamation sentence once a short email has more than two', () => {
    const report = checkTone('Great! Thanks! See you soon!');
    expect(report.issues.map((i) => [i.kind, i.text])).toEqual([
      ['exclamations', 'Great!'],
      ['exclamations', 'Thanks!'],
      ['exclamations', 'See you soon!'],
    ]);
    expect(report.issues[0]?.suggestion).toContain('3 exclamation marks');
  });

  it('keeps abbreviations, decimals and ellipses inside one sentence', () => {
    expect(
      only('I met Dr. Jones at 9.30 a.m. today, e.g. the ward tour!! Thanks.', 'exclamations').text,
    ).toBe('I met Dr. Jones at 9.30 a.m. today, e.g. the ward tour!!');
    expect(only('I was hoping... but I understand!! Thanks.', 'exclamations').text).toBe(
      'I was hoping... but I understand!!',
    );
  });
});

describe('checkTone: too_long', () => {
  const words = (n: number): string =>
    Array.from({ length: n }, (_, i) => (i % 2 ? 'thanks' : 'again')).join(' ');

  it(`flags the whole text past ${DEFAULT_MAX_WORDS} words, not at it`, () => {
    expect(DEFAULT_MAX_WORDS).toBe(250);
    expect(checkTone(words(250)).ok).toBe(true);
    const text = words(251);
    const report = checkTone(text);
    expect(report.words).toBe(251);
    expect(report.issues).toHaveLength(1);
    const issue = report.issues[0] as ToneIssue;
    expect(issue).toMatchObject({ kind: 'too_long', start: 0, end: text.length, text });
    expect(issue.suggestion).toContain('251 words');
    expect(issue.suggestion).toContain('250');
  });

  it('takes maxWords from the options, and ignores nonsense values', () => {
    expect(kinds(checkTone(words(60), { maxWords: 50 }))).toEqual(['too_long']);
    expect(checkTone(words(60), { maxWords: 50 }).issues[0]?.suggestion).toContain('under 50 words');
    expect(checkTone(words(60), { maxWords: 60 }).ok).toBe(true);
    expect(checkTone(words(60), { maxWords: 0 }).ok).toBe(true);
    expect(checkTone(words(60), { maxWords: Number.NaN }).ok).toBe(true);
  });
});

describe('checkTone: text handling', () => {
  it('keeps offsets right with emoji, curly quotes and CRLF', () => {
    const text =
      'Dear Sam,\r\n\r\n🙂🙂 Thanks for nothing.\r\nYou didn’t even reply 🎉 and this is ridiculous!!\r\nJo';
    const report = checkTone(text);
    expectWellFormed(text, report);
    expect(report.issues.map((i) => [i.kind, i.text])).toEqual([
      ['sarcasm', 'Thanks for nothing'],
      ['blame', 'You didn’t even reply'],
      ['exclamations', 'You didn’t even reply 🎉 and this is ridiculous!!'],
      ['anger', 'ridiculous'],
    ]);
    const anger = report.issues.find((i) => i.kind === 'anger') as ToneIssue;
    expect(anger.start).toBe(text.indexOf('ridiculous'));
  });

  it('splits sentences on line breaks, so a greeting line is not joined to the next', () => {
    const text = 'Hi Tom\nTHANK YOU so much';
    expect(only(text, 'all_caps').text).toBe('THANK YOU');
  });

  it('handles non-Latin scripts', () => {
    const chinese = checkTone('谢谢您的反馈，我会继续努力。');
    expect(chinese.ok).toBe(true);
    expect(chinese.words).toBeGreaterThan(3);
    expect(checkTone('Спасибо за ваше время и отзыв.').ok).toBe(true);
    expect(kinds(checkTone('СПАСИБО БОЛЬШОЕ'))).toEqual(['all_caps']);
    expect(checkTone('Merci beaucoup pour votre temps — très apprécié.').ok).toBe(true);
  });

  it('handles 100 KB of text quickly', () => {
    const text = (GRACIOUS_REPLY + '\n\n')
      .repeat(Math.ceil(100_000 / GRACIOUS_REPLY.length))
      .slice(0, 100_000);
    const started = performance.now();
    const report = checkTone(text);
    const elapsed = performance.now() - started;
    expect(kinds(report)).toEqual(['too_long']);
    expect(elapsed).toBeLessThan(2_000);
    const blob = 'no punctuation at all ' + 'word '.repeat(20_000) + 'ridiculous '.repeat(500);
    expect(kinds(checkTone(blob))).toContain('anger');
  });

  it('checks a 300-word email in well under a few milliseconds', () => {
    const email = (GRACIOUS_REPLY + ' ').repeat(3).split(/\s+/).slice(0, 300).join(' ');
    for (let i = 0; i < 50; i++) checkTone(email);
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) checkTone(email);
    expect((performance.now() - started) / runs).toBeLessThan(5);
  });

  it('is deterministic: the same input gives the same report, whatever ran before', () => {
    const text =
      'Clearly you didn’t read my CV!! Thanks for nothing. I DID give examples. Please, I need this job.';
    const first = checkTone(text);
    checkTone(GRACIOUS_REPLY);
    checkTone('This is ridiculous and unfair!!!');
    const second = checkTone(text);
    expect(second).toEqual(first);
    expectWellFormed(text, first);
    expect(new Set(kinds(first))).toEqual(
      new Set(['blame', 'exclamations', 'sarcasm', 'all_caps', 'arguing', 'pleading']),
    );
  });

  it('gives kind, specific suggestions that never blame the seeker', () => {
    const text =
      'This is ridiculous. Thanks for nothing. You never replied. I disagree with the decision. I am desperate. ' +
      'I am SO ANGRY!!';
    const report = checkTone(text);
    expectWellFormed(text, report);
    const byKind = new Map(report.issues.map((i) => [i.kind, i.suggestion]));
    expect([...byKind.keys()].sort()).toEqual(
      ['all_caps', 'anger', 'arguing', 'blame', 'exclamations', 'pleading', 'sarcasm'].sort(),
    );
    const suggestions = new Set(byKind.values());
    expect(suggestions.size).toBe(byKind.size); // each kind has its own advice
    for (const s of suggestions) {
      expect(s).not.toMatch(/\byou (are|were) (rude|wrong|angry|aggressive|desperate)\b/i);
      expect(s.trim().endsWith('.')).toBe(true);
    }
  });
});

describe('checkTone: evaluation on test/data/tone-sentences.jsonl', () => {
  const rows = readFileSync(EVAL_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; kinds: ToneIssueKind[] });

  it('has at least 120 labelled sentences, with both labels well represented', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    const kindCount = rows.filter((r) => r.kinds.length === 0).length;
    expect(kindCount / rows.length).toBeGreaterThan(0.35);
    expect(kindCount / rows.length).toBeLessThan(0.65);
    for (const row of rows) {
      expect(typeof row.text).toBe('string');
      for (const k of row.kinds) expect(TONE_ISSUE_KINDS).toContain(k);
    }
    for (const kind of TONE_ISSUE_KINDS.filter((k) => k !== 'too_long')) {
      expect(rows.filter((r) => r.kinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it('reaches flagged precision >= 0.90 and recall >= 0.85', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of rows) {
      const report = checkTone(row.text);
      expectWellFormed(row.text, report);
      const flagged = report.issues.length > 0;
      const shouldFlag = row.kinds.length > 0;
      if (flagged && shouldFlag) tp++;
      else if (flagged) fp++;
      else if (shouldFlag) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
