import { describe, expect, it } from 'vitest';
import { checkStar, countFillers } from './star.js';

// Answers written for these tests.
const CAFE_COMPLETE =
  'Last December I was a shift supervisor at a busy garden centre café. Our lunchtime queue regularly ' +
  'stretched out of the door and customers were leaving before they ordered. My job was to get people ' +
  'served faster without adding staff. I timed each step for a week, moved the cake counter next to the ' +
  'till, and trained two colleagues to take orders on a tablet while people queued. As a result, the ' +
  'average wait fell from 14 minutes to 6, and our lunchtime takings rose by 18% over the next month.';

const NURSE_COMPLETE =
  'Last winter I was working nights on a busy surgical ward at Northgate Hospital. We were two nurses ' +
  'short and I was responsible for eight patients. At 2am an elderly man recovering from hip surgery ' +
  'became confused. I rechecked his observations, called the doctor on call and explained the change ' +
  'clearly, and I asked a healthcare assistant to watch my other patients. As a result he was on ' +
  'antibiotics within 40 minutes of my call and avoided intensive care.';

const TEACHER_NO_RESULT =
  'In my second year teaching at Greenfield Primary, a pupil in my Year 5 class kept refusing to write ' +
  'in English lessons. My job was to get him writing without singling him out. I talked to his parents, ' +
  'I found out he loved football, and I planned a unit where the class wrote match reports. I also set ' +
  'up a quiet corner where he could draft on a laptop first.';

const RETAIL_GENERIC =
  'I always make sure customers feel listened to. If a customer is unhappy, I would stay calm, listen to ' +
  'them and apologise. I think it is important to find a solution and I usually offer a refund or an ' +
  'exchange. Generally I try to keep a smile on my face, because that makes a big difference.';

const CAFE_VAGUE_RESULT =
  'Last year at the café where I worked, our coffee machine broke on a Saturday morning. I had to keep ' +
  'the queue moving. I called the engineer, I moved two staff to serve cold drinks and pastries, and I ' +
  'told every customer in the queue what was happening. In the end it went really well and the ' +
  'customers were happy.';

const fillersOf = (text: string): Record<string, number> =>
  Object.fromEntries(countFillers(text).map((f) => [f.word, f.count]));

describe('checkStar', () => {
  it('finds all four parts of a complete answer with a measurable result', () => {
    const check = checkStar(CAFE_COMPLETE);
    expect(check.situation).toEqual({
      present: true,
      sentence: 'Last December I was a shift supervisor at a busy garden centre café.',
    });
    expect(check.task.sentence).toBe('My job was to get people served faster without adding staff.');
    expect(check.action.sentence).toMatch(/^I timed each step/);
    expect(check.result.sentence).toMatch(/^As a result, the average wait fell from 14 minutes to 6/);
    expect(check.measurableResult).toBe(true);
    expect(check.specificExample).toBe(true);
    expect(check.fillerCount).toBe(0);
    expect(check.tips).toHaveLength(1);
    expect(check.tips[0]).toMatch(/^This has a clear situation, task, action and a measurable result/);
  });

  it('works for a nurse as well as for a café', () => {
    const check = checkStar(NURSE_COMPLETE);
    expect(check.situation.sentence).toMatch(/^Last winter I was working nights/);
    expect(check.task.sentence).toMatch(/I was responsible for eight patients/);
    expect(check.action.sentence).toMatch(/^I rechecked his observations/);
    expect(check.result.sentence).toMatch(/^As a result he was on antibiotics within 40 minutes/);
    expect(check.measurableResult).toBe(true);
    expect(check.specificExample).toBe(true);
  });

  it('notices a missing result and says how to finish', () => {
    const check = checkStar(TEACHER_NO_RESULT);
    expect(check.situation.present).toBe(true);
    expect(check.task.sentence).toBe('My job was to get him writing without singling him out.');
    expect(check.action.present).toBe(true);
    expect(check.result).toEqual({ present: false, sentence: null });
    expect(check.measurableResult).toBe(false);
    expect(check.specificExample).toBe(true);
    expect(check.tips).toContain(
      'Finish with how it turned out: what changed because of what you did, and what you learned.',
    );
  });

  it('tells a generic, hypothetical answer apart from a real example', () => {
    const check = checkStar(RETAIL_GENERIC);
    expect(check.specificExample).toBe(false);
    expect(check.action.present).toBe(false);
    expect(check.result.present).toBe(false);
    expect(check.tips[0]).toMatch(/"I would" or "I always".*one real time/);
    for (const tip of check.tips) expect(tip).toMatch(/\byou|your\b|^(Open|Add|Say|Finish|Put|This)\b/i);
  });

  it('asks for a number when the result is only "it went well"', () => {
    const check = checkStar(CAFE_VAGUE_RESULT);
    expect(check.result.sentence).toBe('In the end it went really well and the customers were happy.');
    expect(check.measurableResult).toBe(false);
    expect(check.specificExample).toBe(true);
    expect(check.tips.join(' ')).toMatch(/Put a number on the result/);
  });

  it('asks for your own part when the story is all "we"', () => {
    const check = checkStar(
      'Last spring at my office we had a backlog of three hundred unanswered letters. We needed to clear it ' +
        'before an inspection. We sorted the letters by urgency, we called every client with a deadline, and ' +
        'we shared the replies out. As a result we cleared it in two weeks.',
    );
    expect(check.action.present).toBe(true);
    expect(check.tips.join(' ')).toMatch(/You say "we" more than "I"/);
  });

  it('counts words and the time to say them at about 140 a minute', () => {
    const check = checkStar(Array.from({ length: 140 }, () => 'word').join(' ') + '.');
    expect(check.words).toBe(140);
    expect(check.estimatedSeconds).toBe(60);
    const long = checkStar(`${CAFE_COMPLETE} `.repeat(5));
    expect(long.estimatedSeconds).toBeGreaterThan(150);
    expect(long.tips.join(' ')).toMatch(/about 3\.5 minutes; aim for about two/);
    expect(checkStar('I fixed it.').tips.join(' ')).toMatch(/under half a minute/);
  });

  it('handles empty input', () => {
    for (const empty of ['', '   \n  ', '...']) {
      const check = checkStar(empty);
      expect(
        check.situation.present || check.task.present || check.action.present || check.result.present,
      ).toBe(false);
      expect(check).toMatchObject({
        measurableResult: false,
        specificExample: false,
        words: 0,
        estimatedSeconds: 0,
        fillers: [],
        fillerCount: 0,
      });
      expect(check.tips).toHaveLength(1);
    }
  });
});

describe('filler counting', () => {
  it('counts um, uh, er and friends, spelling variants together', () => {
    expect(fillersOf('Um, I think, uh, we umm fixed it. Erm, then er we left. Hmm.')).toEqual({
      um: 2,
      uh: 1,
      er: 2,
      hmm: 1,
    });
  });

  it('counts "like" as a filler, not as a verb or a comparison', () => {
    expect(
      fillersOf(
        "I'd like to work here. I really like the team. Customers like quick service. It looked like rain. " +
          'People like you make it easier. Like I said, it was fine.',
      ),
    ).toEqual({});
    expect(fillersOf('It was, like, really busy.')).toEqual({ like: 1 });
    expect(fillersOf('There were like 40 people waiting, like a hundred by noon.')).toEqual({ like: 2 });
    expect(fillersOf('And like, nobody knew. It was like really hectic.')).toEqual({ like: 2 });
  });

  it('counts "you know", "I mean", "sort of", "kind of", "basically" only when they carry nothing', () => {
    expect(
      fillersOf('We basically, you know, sort of fixed it. I mean, it worked. I kind of panicked.'),
    ).toEqual({
      basically: 1,
      'you know': 1,
      'sort of': 1,
      'i mean': 1,
      'kind of': 1,
    });
    expect(
      fillersOf(
        'Do you know how the rota works? You know the answer. What kind of role is it? ' +
          'That sort of thing matters. What I mean is simple.',
      ),
    ).toEqual({});
  });

  it('reports the fillers in the check, most frequent first, with a tip from three', () => {
    const check = checkStar(
      'So, um, last year at the store, like, we had a problem with the tills, you know, and um I sorted it. ' +
        'Um, it was like really busy.',
    );
    expect(check.fillers).toEqual([
      { word: 'um', count: 3 },
      { word: 'like', count: 2 },
      { word: 'you know', count: 1 },
    ]);
    expect(check.fillerCount).toBe(6);
    expect(check.tips.join(' ')).toMatch(/You used 6 filler words \(most often "um"\)/);
  });
});
