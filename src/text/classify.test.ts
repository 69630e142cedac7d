import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMAIL_CLASSES, type EmailClass } from '../domain/model.js';
import { BODY_RULES, SUBJECT_RULES } from './classify-lexicon.js';
import {
  classifyEmail,
  findInterviewTime,
  normaliseEmailText,
  ruleText,
  type EmailInput,
  type EmailText,
} from './classify.js';

const OWN_SET = fileURLToPath(new URL('../../test/data/emails-own.jsonl', import.meta.url));
const DEV_SET = fileURLToPath(new URL('../../../shared/corpus/emails-dev.jsonl', import.meta.url));
const DEV_PRESENT = existsSync(DEV_SET);
if (!DEV_PRESENT)
  console.log(`classify: ../shared/corpus/emails-dev.jsonl is absent, so the dev-set targets are skipped`);

interface Labelled extends EmailInput {
  id: string;
  label: EmailClass;
}

function load(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);
}

const label = (subject: string, body: string, from: string | null = null, thread?: EmailText[]): EmailClass =>
  classifyEmail({ subject, from, body, thread }).label;

interface Figures {
  macroF1: number;
  precision: Record<EmailClass, number>;
  recall: Record<EmailClass, number>;
  errors: string[];
}

function evaluate(emails: Labelled[]): Figures {
  const tp = Object.fromEntries(EMAIL_CLASSES.map((c) => [c, 0])) as Record<EmailClass, number>;
  const predicted = { ...tp };
  const actual = { ...tp };
  const errors: string[] = [];
  for (const email of emails) {
    const got = classifyEmail(email, { now: '2026-03-01T09:00:00Z', timeZone: 'Europe/London' }).label;
    predicted[got]++;
    actual[email.label]++;
    if (got === email.label) tp[got]++;
    else errors.push(`${email.id}: ${email.label} -> ${got}`);
  }
  const precision = { ...tp };
  const recall = { ...tp };
  let f1Sum = 0;
  for (const c of EMAIL_CLASSES) {
    precision[c] = predicted[c] === 0 ? 0 : tp[c] / predicted[c];
    recall[c] = actual[c] === 0 ? 0 : tp[c] / actual[c];
    const f1 =
      precision[c] + recall[c] === 0 ? 0 : (2 * precision[c] * recall[c]) / (precision[c] + recall[c]);
    f1Sum += f1;
  }
  return { macroF1: f1Sum / EMAIL_CLASSES.length, precision, recall, errors };
}

describe('classifyEmail: the traps', () => {
  it('"unable to offer you the position" is a rejection, not an offer', () => {
    const body =
      'Dear Sam,\n\nThank you for attending the interview. We are unable to offer you the position on this occasion.\n\nKind regards,\nJo Park';
    expect(label('Your interview', body)).toBe('rejection');
    expect(label('Outcome', 'Sadly we cannot offer you employment at this time.')).toBe('rejection');
    expect(label('Update', 'After a lot of thought we have decided not to extend an offer.')).toBe(
      'rejection',
    );
  });

  it('"unfortunately" alone is not a rejection', () => {
    expect(label('Room change', 'Unfortunately the interview room changed; see you at 3pm in Room 4.')).toBe(
      'interview',
    );
    expect(
      label('Automatic reply', "Unfortunately I'm out of office until Monday with limited access to email."),
    ).toBe('other');
    expect(label('Parcel', 'Unfortunately we could not deliver your parcel today.')).toBe('other');
    expect(label('Hello', 'Unfortunately.')).toBe('other');
  });

  it('job-alert digests are other', () => {
    const body =
      'Your job alert for Data Analyst\n\nData Analyst - Pennine Water - Leeds - Apply now\nJunior Data Analyst - Kirkgate - Easy apply\n\nSee all 10 jobs\nUnsubscribe';
    expect(label('10 new jobs for Data Analyst', body, 'Job alerts <alerts@jobs.example>')).toBe('other');
  });

  it('recruiter cold outreach is other', () => {
    const body =
      "Hi Ana,\n\nI came across your profile and think you'd be a great fit for a Warehouse Manager role with one of my clients. Are you open to a quick chat this week?\n\nTom";
    expect(label('Exciting opportunity', body, 'Tom Hale <tom@searchpartners.example>')).toBe('other');
  });

  it('talent-community newsletters are other', () => {
    const body =
      "Thanks for joining our Talent Community! We're hiring across nursing and pharmacy. Join our virtual careers fair next week.\n\nUnsubscribe";
    expect(label('Life at Larkspur', body, 'Larkspur Talent Community <community@larkspur.example>')).toBe(
      'other',
    );
  });

  it('career-site account mail is other', () => {
    expect(
      label('Reset your password', 'We received a request to reset the password of your candidate account.'),
    ).toBe('other');
    expect(
      label('Verify your email', 'Please verify your email address to keep track of your job applications.'),
    ).toBe('other');
    expect(label('Your profile is 80% complete', 'Add your work history so recruiters can find you.')).toBe(
      'other',
    );
  });

  it('asking a colleague to interview someone else is other', () => {
    const body =
      "Hi Ben,\n\nCan you join the panel for Alex's interview on Tuesday 14 April at 2pm? I'll send the CV and the interview questions.\n\nPriya";
    expect(label("Can you join the panel for Alex's interview on Tuesday?", body)).toBe('other');
    expect(
      label('Scorecard due', 'You interviewed Jordan Lee on Thursday. Please submit your scorecard.'),
    ).toBe('other');
  });

  it('offers: "pleased to offer", salary, start date', () => {
    const body =
      'Dear Amaka,\n\nWe are pleased to offer you the position of Staff Nurse. Salary: £31,050 per annum. Start date: 1 September 2026. Please sign and return the contract.';
    expect(label('Offer of employment', body)).toBe('offer');
    expect(
      label('Great news', "We'd love to have you on the team! When can you start? Pay is £12 an hour."),
    ).toBe('offer');
    // A friend talking about an offer is not one.
    expect(label('did you accept?', 'Did you accept the offer yet?')).toBe('other');
  });

  it('interview invitations, scheduling, assessments and take-home tests', () => {
    expect(
      label(
        'Next steps',
        'Thanks for applying! Please pick a slot for a call: https://calendly.example/acme/30min',
      ),
    ).toBe('interview');
    expect(
      label(
        'Assessment',
        'You have been invited to take the Data Analyst assessment on HackerRank. Duration: 90 minutes.',
      ),
    ).toBe('interview');
    expect(
      label('Next stage', 'The next stage is a take-home exercise; please send it back within a week.'),
    ).toBe('interview');
    expect(
      label(
        'Interview invitation',
        'We would like to invite you to an interview on Tuesday 10 November at 14:00.',
      ),
    ).toBe('interview');
    expect(label('Interview', 'We are pleased to offer you an interview for the post of Midwife.')).toBe(
      'interview',
    );
  });

  it('application acknowledgements, including conditional wording', () => {
    expect(label('Thank you', 'We have received your application and will review it shortly.')).toBe(
      'application_received',
    );
    const conditional =
      "Thanks for applying! We'll review your application. If you are not selected for this role, we will keep your details for future openings.";
    expect(label('Thanks for applying', conditional)).toBe('application_received');
    const assume =
      'Thank you for your application. If you have not heard from us within four weeks, please assume your application has not been successful.';
    expect(label('Application', assume)).toBe('application_received');
  });

  it.each([
    [
      'Workday',
      'Thank you for your interest in the Warehouse Associate position at Northgate. After careful review, we have decided to move forward with other applicants.',
    ],
    ['Greenhouse', "After reviewing your application, we've decided not to move forward at this time."],
    [
      'Lever',
      'We have reviewed your application carefully and, unfortunately, we will not be moving forward with your candidacy.',
    ],
    [
      'Teamtailor',
      'We have now completed the recruitment and have chosen to go ahead with another candidate.',
    ],
    ['SmartRecruiters', 'Unfortunately, your application has not been successful on this occasion.'],
    [
      'human',
      "Sorry, we've gone with someone else for the barista job. Thanks for dropping your CV in though!",
    ],
    [
      'after interview',
      'Thank you for interviewing with us. We have decided to pursue other candidates for this role.',
    ],
    ['position filled', 'Thanks for your CV. The position has now been filled.'],
    [
      'CV on file',
      'We will not be taking your application further at this stage. We will keep your CV on file for six months.',
    ],
    [
      'non-English-flavoured',
      'After examination of your candidature we must inform you that we can not retain your profile for this post.',
    ],
    [
      'regret',
      'We regret to inform you that your application for the post of Teacher has been unsuccessful.',
    ],
  ])('rejections: %s', (_style, body) => {
    const result = classifyEmail({ subject: 'Your application', from: null, body });
    expect(result.label).toBe('rejection');
  });

  it('a candidate who withdrew or declined is not rejected', () => {
    expect(
      label(
        'Withdrawal',
        'We are sorry that you have decided not to continue with your application. Best of luck.',
      ),
    ).toBe('other');
    expect(
      label('Re: Offer', 'We understand you have decided to accept another offer. We respect your decision.'),
    ).toBe('other');
  });
});

describe('classifyEmail: beyond the templates', () => {
  it('applications for credit, housing or visas are not job applications', () => {
    expect(
      label(
        'Your application',
        'Thank you for your application for a credit card. We have received your application.',
      ),
    ).toBe('other');
    expect(label('Mortgage', 'Your mortgage application has been declined on this occasion.')).toBe('other');
    // …but a job title with such a word is still a job.
    expect(
      label(
        'Regarding your candidacy',
        'We will not be progressing your application for the Account Executive position.',
      ),
    ).toBe('rejection');
    expect(
      label(
        'Update on your Orchid Insurance application',
        'Unfortunately we have decided not to move forward.',
      ),
    ).toBe('rejection');
  });

  it('informal wording', () => {
    expect(
      label('Offer', "A spot's opened up, the driving job's yours if you want it. Start Monday at 6am."),
    ).toBe('offer');
    expect(
      label(
        'Junior Mechanic',
        "We're gonna give the job to a lad who's already qualified, so it's a no from us.",
      ),
    ).toBe('rejection');
    expect(
      label('Lunch?', 'Are you free for lunch on Friday? Unfortunately the usual place is closed.'),
    ).toBe('other');
  });

  it('a verbal offer followed by a call about it is an offer', () => {
    const body =
      'Following your final interview, we are pleased to extend a verbal offer for the Product Manager role. Could we set up a quick call on Wednesday to talk through the details?';
    expect(label('Re: availability for a call', body)).toBe('offer');
  });

  it('Japanese and Chinese mail', () => {
    expect(
      label(
        '選考結果のご連絡',
        '慎重に選考を重ねました結果、誠に残念ながら今回はご希望に沿いかねる結果となりました。',
      ),
    ).toBe('rejection');
    expect(label('面接日程のご案内', '一次面接の日程についてご案内いたします。')).toBe('interview');
    expect(
      label(
        'ご応募ありがとうございます',
        'この度はご応募いただき、誠にありがとうございます。書類選考の結果は追ってご連絡いたします。',
      ),
    ).toBe('application_received');
    expect(label('面试邀请', '我们诚挚地邀请您参加面试。')).toBe('interview');
  });
});

describe('classifyEmail: thread context', () => {
  const invitation: EmailText = {
    subject: 'Interview - Data Analyst',
    from: 'Rosa Delgado <rosa@fintrail.example>',
    body: 'Hi Jamie,\n\nWe would like to invite you to an interview for the Data Analyst role on Wednesday 18 March 2026 at 10:00.\n\nRosa',
  };

  it('a short reply keeps the interview context of its thread, and its time', () => {
    const reply = classifyEmail(
      {
        subject: 'Re: Availability',
        from: 'Rosa Delgado <rosa@fintrail.example>',
        body: 'Thanks, see you then!',
        thread: [invitation],
      },
      { timeZone: 'Europe/London' },
    );
    expect(reply.label).toBe('interview');
    expect(reply.interviewTime).toBe('2026-03-18T10:00:00.000Z');
    expect(reply.reasons.some((r) => r.startsWith('thread:'))).toBe(true);
    // Without the thread the same reply says nothing.
    expect(label('Re: Availability', 'Thanks, see you then!')).toBe('other');
  });

  it('"Re: Interview - Data Analyst" keeps the context from its subject alone', () => {
    expect(label('Re: Interview - Data Analyst', 'Thanks, see you then')).toBe('interview');
  });

  it('a reply with decisive words of its own is read on its own', () => {
    const body =
      'Unfortunately, after careful consideration we have decided not to move forward with your application.';
    expect(label('Re: Interview - Data Analyst', body, null, [invitation])).toBe('rejection');
  });
});

describe('classifyEmail: extraction', () => {
  it('the company is the employer, not the ATS', () => {
    const body = 'Thank you for applying. We have received your application.';
    expect(
      classifyEmail({ subject: 'Thanks', from: 'Acme Careers <no-reply@myworkday.example>', body }).company,
    ).toBe('Acme');
    expect(
      classifyEmail({
        subject: 'Update',
        from: 'LinkedIn <jobs-noreply@linkedin.example>',
        body: 'Thank you for applying to the Junior Developer position at MSC Technology. Your application was not selected.',
      }).company,
    ).toBe('MSC Technology');
    expect(
      classifyEmail({
        subject: 'Hello',
        from: null,
        body: 'Thank you for your interest in Brightleaf! We have received your application and will be in touch.',
      }).company,
    ).toBe('Brightleaf');
    const signed =
      'Thanks for your CV, we have received it.\n\nBest,\nRosa Delgado\nTalent Partner, Fintrail';
    expect(
      classifyEmail({ subject: 'CV', from: 'Rosa Delgado <rosa@mail.example>', body: signed }).company,
    ).toBe('Fintrail');
    expect(
      classifyEmail({
        subject: 'Hi',
        from: 'Sarah Bradley (Quillon) <notify@jobvite.example>',
        body: 'We would like to invite you to an interview.',
      }).company,
    ).toBe('Quillon');
    // Mail with no job-search evidence has no employer to name.
    const newsletter = classifyEmail({
      subject: 'Spring sale',
      from: 'Acme Store <news@acme.example>',
      body: 'Sale!',
    });
    expect(newsletter.company).toBeNull();
  });

  it('the role', () => {
    const role = (body: string, subject = 'Update'): string | null =>
      classifyEmail({ subject, from: null, body: `${body} We have received your application.` }).role;
    expect(role('Thank you for your application for the Data Analyst position.')).toBe('Data Analyst');
    expect(role('Your application for Employment in the position of: Research Software Engineer.')).toBe(
      'Research Software Engineer',
    );
    expect(role('We would like to invite you to interview for Staff Nurse at Westmere.')).toBe('Staff Nurse');
    expect(role('We are thrilled to welcome you as our new Software Developer.')).toBe('Software Developer');
    expect(role('Thanks', 'Application received - Forklift Operator (Ref 5521)')).toBe('Forklift Operator');
    expect(role('Thanks for getting in touch.')).toBeNull();
    // Mail that is not about a job search gets no role.
    const mug = classifyEmail({
      subject: 'Order',
      from: null,
      body: 'Your Data Analyst position mug has shipped.',
    });
    expect(mug.role).toBeNull();
  });

  it('the person: a person in From or the name under the sign-off, never "Careers" or "no-reply"', () => {
    const person = (from: string | null, body: string): string | null =>
      classifyEmail({ subject: 'Update', from, body: `We have received your application. ${body}` }).person;
    expect(person('Rosa Delgado <rosa@fintrail.example>', 'Hello')).toBe('Rosa Delgado');
    expect(
      person('Acme Careers <no-reply@acme.example>', 'Hello.\n\nKind regards,\nHelen Carter\nRecruiter'),
    ).toBe('Helen Carter');
    expect(person('Talent Team <talent@acme.example>', 'Hello.\n\nBest,\nThe Talent Team')).toBeNull();
    expect(person('no-reply@acme.example', 'Hello')).toBeNull();
    expect(person('Marina Isaac (Chegg) <notify@jobvite.example>', 'Hello')).toBe('Marina Isaac');
    expect(
      person('Joanne Price <hello@parkwaydental.example>', 'See you soon.\n\nBest wishes,\nJoanne'),
    ).toBe('Joanne Price');
    // Other mail: the From name only, when it is clearly a person.
    const friend = classifyEmail({
      subject: 'Dinner',
      from: 'Maya Fischer <maya.fischer@mail.example>',
      body: 'Sunday?',
    });
    expect(friend.person).toBe('Maya Fischer');
  });

  it('the interview time, in UTC', () => {
    const at = (body: string, now: string | undefined, timeZone: string): string | null =>
      classifyEmail({ subject: 'Interview', from: null, body }, { now, timeZone }).interviewTime;
    const now = '2026-03-01T09:00:00Z';
    expect(
      at(
        'We would like to invite you to an interview on Tuesday 10 November at 14:00.',
        now,
        'Europe/London',
      ),
    ).toBe('2026-11-10T14:00:00.000Z');
    expect(at('Your interview is confirmed for 10/11/2026 2pm at our office.', now, 'Europe/London')).toBe(
      '2026-11-10T14:00:00.000Z',
    );
    expect(
      at('We would like to invite you to a video interview on Nov 10 at 2:00 PM EST.', now, 'Europe/London'),
    ).toBe('2026-11-10T19:00:00.000Z');
    // Summer time in London; month/day order in an American zone.
    expect(at('Your interview is scheduled for 15 July 2026, 9:00 AM.', now, 'Europe/London')).toBe(
      '2026-07-15T08:00:00.000Z',
    );
    expect(at('Your interview is confirmed for 7/4/2026 at 10:00.', now, 'America/New_York')).toBe(
      '2026-07-04T14:00:00.000Z',
    );
    // No year and no "now": unclear. Several options: the seeker picks. Relative days: null.
    expect(
      at('We would like to invite you to an interview on 10 November at 14:00.', undefined, 'UTC'),
    ).toBeNull();
    expect(
      at(
        'We would like to invite you to interview: Tuesday 10 March 2026 at 10:00 or 11 March 2026 at 14:00?',
        now,
        'UTC',
      ),
    ).toBeNull();
    expect(at("Here's the Zoom link for tomorrow's interview at 10am.", now, 'UTC')).toBeNull();
    // A deadline is not an interview time.
    expect(
      findInterviewTime('Please complete your video interview by Friday 20 March 2026.', now, 'UTC'),
    ).toBeNull();
    // Only interviews get a time.
    expect(
      at(
        'Your start date is 1 September 2026 at 9:00. We are pleased to offer you the position.',
        now,
        'UTC',
      ),
    ).toBeNull();
  });
});

describe('classifyEmail: confidence, reasons, determinism, bad input', () => {
  it('is sure of a plain rejection and unsure of a vague note', () => {
    const sure = classifyEmail({
      subject: 'Your application',
      from: null,
      body: 'We regret to inform you that we have decided to pursue other candidates whose experience more closely matches the role.',
    });
    expect(sure.confidence).toBeGreaterThanOrEqual(0.8);
    expect(sure.reasons[0]).toMatch(/^rejection \+\d/);
    const vague = classifyEmail({
      subject: 'Quick question',
      from: null,
      body: 'Are you available for a call tomorrow?',
    });
    expect(vague.confidence).toBeLessThan(0.8);
    const total = Object.values(sure.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 2);
  });

  it('is deterministic and keeps no state between calls', () => {
    const a: EmailInput = {
      subject: 'Offer',
      from: 'Jo <jo@acme.example>',
      body: 'We are pleased to offer you the role.',
    };
    const b: EmailInput = {
      subject: 'Alert',
      from: null,
      body: '5 new jobs for Nurse. Apply now. Unsubscribe',
    };
    const first = classifyEmail(a, { now: '2026-03-01T00:00:00Z' });
    classifyEmail(b);
    expect(classifyEmail(a, { now: '2026-03-01T00:00:00Z' })).toEqual(first);
  });

  it('does not throw on empty, huge, HTML-ish or non-Latin input', () => {
    const inputs: EmailInput[] = [
      { subject: '', from: null, body: '' },
      { subject: '', from: '', body: '   \n\n  ' },
      { subject: 'x'.repeat(10_000), from: '"<<>>" <@@>', body: 'a '.repeat(1_000_000) },
      {
        subject: 'Re: Re: Fwd:',
        from: 'broken <',
        body: '<html><body><p>We regret to inform you<p><b>&amp;&#9999999;&bogus;</b></html>',
      },
      { subject: '面试邀请', from: '张伟 <zhang@example.cn>', body: '您好，我们想邀请您参加面试。\n\n谢谢' },
      { subject: 'مقابلة', from: null, body: 'نود دعوتك لإجراء مقابلة يوم الثلاثاء' },
      { subject: '🎉🎉', from: null, body: '\u0000\u200b\ufeff🎉 İstanbul ǅ \ud800 lone surrogate' },
      { subject: 'x', from: null, body: 'On Tue, Rosa wrote:\n> quoted only\n> more' },
    ];
    for (const input of inputs) {
      const result = classifyEmail(input, { now: 'not a date', timeZone: 'Not/AZone' });
      expect(EMAIL_CLASSES).toContain(result.label);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
    const html = classifyEmail({
      subject: 'Update',
      from: null,
      body: '<html><head><style>p{color:red}</style></head><body><p>Dear Sam,</p><p>We regret to inform you that your application was unsuccessful.</p></body></html>',
    });
    expect(html.label).toBe('rejection');
  });
});

describe('normaliseEmailText', () => {
  it('strips quoted replies, HTML leftovers and unsubscribe footers', () => {
    const text = normaliseEmailText(
      'Thanks, see you then!\r\n\r\nOn Tue, 3 Mar 2026 at 10:00, Rosa Delgado <rosa@fintrail.example> wrote:\r\n> We would like to invite you\r\n> to an interview.',
    );
    expect(text).toBe('Thanks, see you then!');
    const html = normaliseEmailText(
      '<p>Hello&nbsp;there &amp; welcome</p><p>Line two</p><p>Unsubscribe | Privacy</p>',
    );
    expect(html).toBe('Hello there & welcome\n\nLine two');
    expect(normaliseEmailText('It\u2019s \u201cdone\u201d \u2013 yes')).toBe('It\'s "done" - yes');
  });
});

describe('classify lexicon', () => {
  it('every rule match starts at one of its anchor words (the prefilter misses nothing)', () => {
    const emails = [...load(OWN_SET), ...(DEV_PRESENT ? load(DEV_SET) : [])];
    const texts = emails.map((e) => ruleText(e));
    const problems: string[] = [];
    for (const rule of [...BODY_RULES, ...SUBJECT_RULES]) {
      const re = new RegExp(rule.source, 'g');
      const anchors = new Set(rule.need);
      for (const text of texts) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          // A match inside a word is never tried (sticky matching starts at word starts): fine.
          if (m.index > 0 && /[a-z0-9']/.test(text.charAt(m.index - 1))) continue;
          const word = /^[a-z0-9'\u00c0-\uffff]+/.exec(text.slice(m.index))?.[0] ?? '';
          if (!anchors.has(word))
            problems.push(`${rule.cls} /${rule.source.slice(0, 40)}…/ starts with "${word}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('evaluation', () => {
  it('meets the targets on our own labelled examples', () => {
    const own = load(OWN_SET);
    expect(own.length).toBeGreaterThanOrEqual(150);
    const figures = evaluate(own);
    expect(figures.macroF1, figures.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(figures.precision.rejection).toBeGreaterThanOrEqual(0.97);
    expect(figures.recall.rejection).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!DEV_PRESENT)('meets the targets on the shared dev set', () => {
    const figures = evaluate(load(DEV_SET));
    expect(figures.precision.rejection, figures.errors.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(figures.recall.rejection, figures.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(figures.macroF1, figures.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('reports its speed (a figure, not a timed test)', () => {
    const emails = load(OWN_SET);
    for (const email of emails) classifyEmail(email);
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (const email of emails) classifyEmail(email);
      best = Math.min(best, (performance.now() - t0) / emails.length);
    }
    const chars = emails.reduce((n, e) => n + e.body.length, 0) / emails.length;
    console.log(
      `classify: ${(best * 1000).toFixed(1)} µs/email (best of 5 passes, ${emails.length} emails of ${chars.toFixed(0)} characters on average)`,
    );
    expect(best).toBeGreaterThan(0);
  });
});
