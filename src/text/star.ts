/**
 * A STAR check of a practice answer (DESIGN.md §2, practice 11): does it set the Situation, name the
 * Task, say what the seeker did (Action) and how it turned out (Result)? Is the result measurable, is it
 * one real occasion rather than what the seeker "would" or "always" do, how long would it take to say,
 * and how many filler words does it carry? The tips are written to the seeker, kindly and concretely.
 *
 * Pure: no I/O, no clock, deterministic. The cues are everyday words of any job — a ward, a till, a
 * classroom, a warehouse, a sprint — not of one trade.
 *
 * How it works: the answer is split into sentences; each sentence is tested for the cues of each part
 * (a time or place and a past state for the situation; "my job was", "I had to" for the task; "I" or
 * "we" followed by a past-tense doing verb for the action; "as a result", "which meant", changes such
 * as "reduced" or "went up" for the result). The situation is the first sentence with its cues (or an
 * opening sentence describing how things were), the result the last sentence with result cues, the
 * task and the action the first fitting sentences that are not already the situation or the result
 * (one sentence may carry two parts when nothing else does).
 *
 * Known limits: cues are words, so an unusual phrasing of a part can be missed, and a sentence that
 * merely mentions "the result" reads as a result. "Like" is counted as a filler only where it cannot
 * be the verb or the preposition (after a comma and before a pause, before a number, "was like really
 * busy"): it undercounts rather than blaming a real "I'd like" or "it looked like rain".
 */

export interface StarPart {
  present: boolean;
  /** The sentence that carries it, as written. */
  sentence: string | null;
}

export interface StarCheck {
  situation: StarPart;
  task: StarPart;
  action: StarPart;
  result: StarPart;
  /** A result with a number, a percentage, money, time saved, a count or a before and after. */
  measurableResult: boolean;
  /** One real past occasion: first person, past tense, a time or place, not "I would"/"I always". */
  specificExample: boolean;
  words: number;
  /** Spoken at about 140 words a minute. */
  estimatedSeconds: number;
  fillers: { word: string; count: number }[];
  fillerCount: number;
  tips: string[];
}

export const SPOKEN_WORDS_PER_MINUTE = 140;
/** About two minutes is the usual advice for a behavioural answer; past 2½ minutes it is long. */
const LONG_SECONDS = 150;
const SHORT_WORDS = 60;

// ---------------------------------------------------------------------------------------------------
// Text handling

interface Sentence {
  text: string;
  /** Lower-case, straight apostrophes, single spaces. */
  norm: string;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'approx', 'vs', 'no']);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*[-*•]\s)/)) {
    let start = 0;
    const re = /[.!?]+["')\]]*(?=\s|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block)) !== null) {
      const before = block.slice(start, m.index);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (m[0] === '.' && ABBREVIATIONS.has(lastWord)) continue;
      push(block.slice(start, m.index + m[0].length));
      start = m.index + m[0].length;
    }
    push(block.slice(start));
  }
  return out;

  function push(raw: string): void {
    const sentence = raw
      .replace(/^\s*[-*•]\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (/[\p{L}\p{N}]/u.test(sentence)) out.push({ text: sentence, norm: normalise(sentence) });
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu;
const countWords = (text: string): number => text.match(WORD)?.length ?? 0;

// ---------------------------------------------------------------------------------------------------
// Cues

const NUMBER_WORD =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens';
const PLACE_NOUN =
  'job|role|company|team|ward|store|shop|school|class|classroom|placement|internship|restaurant|cafe|café|hotel|office|site|warehouse|unit|branch|clinic|surgery|practice|department|call centre|bar|kitchen|hospital|care home|nursery|firm|agency|start-up|startup|charity|project|shift|practice';
const PERIOD = 'year|month|week|summer|winter|spring|autumn|christmas|term|quarter|semester|season';

/** When or where: the marks of a real occasion. */
const TIME_OR_PLACE = new RegExp(
  [
    `\\b(last|this past|that) (${PERIOD})\\b`,
    `\\b(in|during|at|on) (my|our|the) ((last|previous|old|first|second|third|final|current|local|new|busiest|quietest) )?([a-z]+ )?(${PLACE_NOUN}|${PERIOD})\\b`,
    `\\b(in|during) (19|20)\\d\\d\\b`,
    `\\b(in|during|by) (january|february|march|april|may|june|july|august|september|october|november|december)\\b`,
    `\\b(one|a|that|last) (day|morning|afternoon|evening|night|shift|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`,
    `\\b(a|a few|one|two|three|four|five|six|several|some) (years?|months?|weeks?|days?) ago\\b`,
    `\\b(when|while) (i|we) (was|were|worked|was working|were working)\\b`,
    `\\bat the time\\b`,
    `\\bback in\\b`,
    `\\bi (was )?work(ed|ing) (as|at|in|on|for)\\b`,
  ].join('|'),
);
/** A proper name after "at": "at Greenfield Primary", "at Northgate Hospital". */
const NAMED_PLACE = /\bat (?!I\b)[A-Z][\p{L}&'-]+/u;

const SITUATION = new RegExp(
  [
    TIME_OR_PLACE.source,
    `\\b(our|my|the) (team|ward|store|shop|school|class|department|company|unit|restaurant|office|warehouse|site|clinic|practice|branch|kitchen|manager|patients?|customers?|pupils?|students?|clients?) (was|were|had)\\b`,
    `\\bthere (was|were)\\b`,
    `\\bwe (were|had)\\b`,
    `\\bi was (a|an|the|one of|working|new|covering|on)\\b`,
    `\\bthe (situation|context|background) was\\b`,
  ].join('|'),
);

const TASK = new RegExp(
  [
    `\\bmy (job|role|task|responsibility|goal|aim|brief|challenge|priority) (was|were)\\b`,
    `\\bi was (responsible|asked|tasked|given|put in charge|in charge|expected|supposed|told|the one)\\b`,
    `\\b(i|we) (needed|had|wanted|was asked|were asked) to\\b`,
    `\\bit was (my|up to me|on me)\\b`,
    `\\bthe (goal|aim|task|challenge|problem|objective|target|priority) was\\b`,
    `\\b(asked|told|needed) me to\\b`,
  ].join('|'),
);

/** Irregular past-tense verbs of doing (regular ones end in -ed). */
const IRREGULAR_ACTIONS =
  'made|set|spoke|took|went|wrote|rewrote|built|rebuilt|ran|led|met|told|gave|sent|brought|found|got|put|kept|sat|began|chose|drew|taught|sought|caught|bought|rang|sold|cut|split|held|dealt|stood|spent|paid|drove|broke|won|did|let|shut|fed|hid|lent|swapped|showed|rode|thought|sorted|sped|stuck|threw|understood|undertook|withdrew|woke|wound|laid|lit|overcame|oversaw|sang|shook|slid|swept|tore|upheld';
/** -ed words that are states or feelings rather than things done. */
const NOT_ACTIONS = new Set([
  'needed',
  'wanted',
  'worked',
  'joined',
  'noticed',
  'realised',
  'realized',
  'liked',
  'loved',
  'hated',
  'seemed',
  'felt',
  'used',
  'supposed',
  'expected',
  'tired',
  'bored',
  'red',
  'shed',
  'bed',
  'need',
  'feed',
  'speed',
  'seed',
  'hundred',
  'tried',
  'believed',
  'hoped',
  'wished',
  'enjoyed',
  'started',
  'failed',
  'struggled',
  'assumed',
]);
const ADVERB =
  '(?:then |first |quickly |immediately |also |personally |carefully |calmly |later |next |finally |soon |instead |eventually |straight away )?';
const PAST_DOING = new RegExp(`\\b(i|we) ${ADVERB}([a-z]+ed|${IRREGULAR_ACTIONS})\\b`, 'g');
const ACTION_PHRASE =
  /\b(so|then|first|next|after that|instead) (i|we) |\bi (decided|chose|offered|suggested|started|began|tried) (to|by)\b/;

function actionVerbs(norm: string): { i: number; we: number } {
  let i = 0;
  let we = 0;
  for (const m of norm.matchAll(PAST_DOING)) {
    const verb = m[2]!;
    if (NOT_ACTIONS.has(verb)) continue;
    // "I was asked", "we were told" are passive: the task, not an action.
    if (m[1] === 'i') i++;
    else we++;
  }
  return { i, we };
}

const RESULT = new RegExp(
  [
    `\\bas a (result|consequence)\\b`,
    `\\bin the end\\b`,
    `\\b(the|my|our) (result|outcome|impact|effect)s? (was|were|is)\\b`,
    `\\b(which|this|that|it) (meant|led to|resulted in|helped|made sure|means)\\b`,
    `\\bresulted in\\b`,
    `\\bled to\\b`,
    `\\bby the end( of)?\\b`,
    `\\b(afterwards|since then|from then on|consequently|eventually|ultimately)\\b`,
    `\\bended up\\b`,
    `\\b(reduced|increased|improved|saved|raised|grew|boosted|lowered|decreased|halved|doubled|tripled|shortened|sped up|went up|went down|dropped|rose|fell|cut (down )?|climbed|jumped)\\b`,
    `\\b(i|we|the team|she|he|they) (hit|met|beat|exceeded|achieved|reached|won|passed|delivered|finished|completed|stayed|recovered|returned|came back)\\b`,
    `\\b(was|were|got) (praised|thanked|promoted|recognised|recognized|adopted|rolled out|used|kept|offered|asked to)\\b`,
    `\\bthanked (me|us|the team)\\b`,
    `\\b(feedback|review|reviews|rating|ratings|scores?|grades?|results) (was|were|went|showed|improved|rose)\\b`,
    `\\b(i|we) (learned|learnt)\\b`,
    `\\b(the|a) (lesson|takeaway)\\b`,
    `\\bno (more|longer|further)\\b`,
  ].join('|'),
);

const MEASURE = new RegExp(
  [
    `\\d`,
    `%|\\bper ?cent\\b`,
    `[£$€¥]`,
    `\\b(${NUMBER_WORD})\\b`,
    `\\b(half|halved|double|doubled|triple|tripled|twice|a third|a quarter|zero|none of|every single|all of (the|our|my))\\b`,
    `\\b(a|an|one) (hour|day|week|month|minute|shift)s?\\b`,
    `\\bfrom .{1,40}? to\\b`,
    `\\b(up|down) from\\b`,
    `\\b(than|compared (to|with)) (before|last|the previous|the year before|usual)\\b`,
    `\\bbefore and after\\b`,
    `\\b(first|second|third|top) (place|in the|of)\\b`,
  ].join('|'),
  'i',
);

const HYPOTHETICAL =
  /\b(i would|i'd|we would|we'd|i will|i'll|i always|i usually|i normally|i generally|i typically|i often|i tend to|i try to|i like to|i make sure|i'm always|i am always|in general|generally|typically|usually|normally|i believe|i think|i'm (the kind|a \w+ person|someone who)|i am (the kind|a \w+ person|someone who)|if (a|an|the|someone|there|i|you)\b)/g;
/** -ed words that are not past tense, and "used to", which is a habit rather than an occasion. */
const NOT_PAST = new Set([
  'need',
  'feed',
  'speed',
  'seed',
  'bed',
  'shed',
  'red',
  'hundred',
  'used',
  'supposed',
  'tired',
  'bored',
]);
const FIRST_PERSON = /\b(i|we|my|our|me|us)\b/;
const PAST_VERB = new RegExp(`\\b(was|were|had|[a-z]+ed|${IRREGULAR_ACTIONS})\\b`, 'g');
const PAST_FIRST_PERSON = new RegExp(
  `\\b(i|we) ${ADVERB}(was|were|had|[a-z]+ed|${IRREGULAR_ACTIONS})\\b`,
  'g',
);

// ---------------------------------------------------------------------------------------------------
// Fillers

/** Where "like" would be the verb or a comparison: after these words it is not a filler. */
const LIKE_NOT_FILLER_BEFORE = new Set([
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'people',
  'would',
  "i'd",
  "we'd",
  "you'd",
  "they'd",
  "he'd",
  "she'd",
  'do',
  'did',
  "don't",
  "didn't",
  "doesn't",
  'does',
  'to',
  'really',
  'also',
  'still',
  'not',
  'may',
  'might',
  'will',
  'should',
  'could',
  'who',
  'feel',
  'feels',
  'felt',
  'look',
  'looks',
  'looked',
  'seem',
  'seems',
  'seemed',
  'sound',
  'sounds',
  'sounded',
  'just',
  'much',
  'more',
  'something',
  'anything',
  'nothing',
  'things',
  'stuff',
  'exactly',
  'a',
  'the',
  'most',
  'least',
  'kids',
  'customers',
  'patients',
  'pupils',
]);
const BE = new Set([
  'was',
  'were',
  'is',
  'are',
  'am',
  "it's",
  "that's",
  "he's",
  "she's",
  "i'm",
  "we're",
  "they're",
  'be',
  'been',
]);
const HEDGE_AFTER = new Set([
  'um',
  'umm',
  'uh',
  'er',
  'erm',
  'so',
  'really',
  'totally',
  'just',
  'literally',
  'basically',
  'super',
  'very',
  'kind',
  'sort',
  'seriously',
  'honestly',
  'completely',
  'insanely',
  'crazy',
]);
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'what',
  'which',
  'any',
  'some',
  'every',
  'each',
  'no',
  'same',
  'other',
  'one',
  'right',
  'different',
  'all',
  'whatever',
  'first',
  'new',
  'best',
  'only',
]);
const YOU_KNOW_NOT_FILLER_BEFORE = new Set([
  'do',
  'did',
  "don't",
  "didn't",
  'if',
  'as',
  'would',
  'could',
  'will',
  'whether',
  'let',
  'that',
  'what',
  'how',
  'so',
  'because',
  'when',
  'until',
]);
const YOU_KNOW_NOT_FILLER_AFTER = new Set([
  'how',
  'what',
  'that',
  'about',
  'where',
  'when',
  'who',
  'whom',
  'why',
  'whether',
  'if',
  'it',
  'him',
  'her',
  'them',
  'me',
  'us',
  'this',
  'the',
  'a',
  'an',
  'your',
  'my',
  'our',
  'their',
  'someone',
  'anything',
  'everything',
  'nothing',
  'more',
  'each',
]);

interface Token {
  word: string;
  /** Punctuation between the previous word and this one / this one and the next, spaces removed. */
  before: string;
  after: string;
}

function tokens(norm: string): Token[] {
  const found = [...norm.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)];
  return found.map((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    const prev = found[i - 1];
    const next = found[i + 1];
    const prevEnd = prev ? prev.index + prev[0].length : 0;
    const nextStart = next ? next.index : norm.length;
    return {
      word: m[0],
      before: norm.slice(prevEnd, start).replace(/\s/g, ''),
      after: norm.slice(end, nextStart).replace(/\s/g, ''),
    };
  });
}

const FILLER_WORDS: Record<string, string> = {
  um: 'um',
  umm: 'um',
  ummm: 'um',
  uhm: 'um',
  uh: 'uh',
  uhh: 'uh',
  er: 'er',
  err: 'er',
  erm: 'er',
  hmm: 'hmm',
  basically: 'basically',
  literally: 'literally',
};

const pause = (punctuation: string): boolean => /[,;:\u2013\u2014-]|\.\.\./.test(punctuation);
const NUMBER_ONLY = new RegExp(`^(\\d[\\d,.]*%?|${NUMBER_WORD}|few|couple)$`);

/** "like 20", "like twenty", "like a hundred", "like about ten": "like" as "roughly". */
function approximates(next: Token | undefined, after: Token | undefined): boolean {
  if (!next) return false;
  if (NUMBER_ONLY.test(next.word)) return true;
  return /^(a|about|around)$/.test(next.word) && !!after && NUMBER_ONLY.test(after.word);
}

function likeIsFiller(
  prev: Token | undefined,
  t: Token,
  next: Token | undefined,
  after: Token | undefined,
): boolean {
  const pauseBefore = !prev || pause(t.before);
  const pauseAfter = !next || pause(t.after);
  // "I'd like", "didn't like", "looked like", "things like": the verb or the comparison.
  if (prev && !pauseBefore && LIKE_NOT_FILLER_BEFORE.has(prev.word)) return false;
  const afterBe = !!prev && !pauseBefore && BE.has(prev.word);
  const afterLink = !!prev && !pauseBefore && /^(and|but|so|or)$/.test(prev.word);
  // ", like," · "Like, …" · "and like, …" · "I was like, …"
  if (pauseAfter && next && (pauseBefore || afterBe || afterLink)) return true;
  // ", like really busy" · "it was like totally full"
  if (next && !pause(t.after) && (pauseBefore || afterBe || afterLink) && HEDGE_AFTER.has(next.word))
    return true;
  // "like 20 people", "like a hundred"
  if (!pause(t.after) && approximates(next, after)) return true;
  // quoting oneself: I was like "no way"
  return afterBe && /["']/.test(t.after);
}

/**
 * The fillers of a text, most frequent first: um, uh, er, hmm, basically, literally, and "like",
 * "you know", "I mean", "sort of", "kind of" where they carry no meaning.
 */
export function countFillers(text: string): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (word: string): void => void counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const sentence of splitSentences(text)) {
    const toks = tokens(sentence.norm);
    toks.forEach((t, i) => {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      const filler = FILLER_WORDS[t.word];
      if (filler) return add(filler);
      if (t.word === 'like') {
        if (likeIsFiller(prev, t, next, toks[i + 2])) add('like');
        return;
      }
      if (t.word === 'know' && prev?.word === 'you' && !pause(t.before)) {
        const before = toks[i - 2];
        if (before && !pause(prev.before) && YOU_KNOW_NOT_FILLER_BEFORE.has(before.word)) return;
        if (next && !pause(t.after) && YOU_KNOW_NOT_FILLER_AFTER.has(next.word)) return;
        return add('you know');
      }
      if (t.word === 'mean' && prev?.word === 'i' && !pause(t.before) && pause(t.after)) {
        if (toks[i - 2]?.word === 'what') return;
        return add('i mean');
      }
      if (t.word === 'of' && prev && (prev.word === 'sort' || prev.word === 'kind') && !pause(t.before)) {
        const before = toks[i - 2];
        if (before && !pause(prev.before) && (DETERMINERS.has(before.word) || /'s$/.test(before.word)))
          return;
        return add(`${prev.word} of`);
      }
    });
  }
  return [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

// ---------------------------------------------------------------------------------------------------
// The check

const NONE: StarPart = { present: false, sentence: null };
const part = (s: Sentence | undefined): StarPart => (s ? { present: true, sentence: s.text } : NONE);

export function checkStar(answer: string): StarCheck {
  const text = typeof answer === 'string' ? answer : '';
  const sentences = splitSentences(text);
  const words = countWords(text);
  const estimatedSeconds = Math.round((words / SPOKEN_WORDS_PER_MINUTE) * 60);
  const fillers = countFillers(text);
  const fillerCount = fillers.reduce((n, f) => n + f.count, 0);

  if (sentences.length === 0) {
    return {
      situation: NONE,
      task: NONE,
      action: NONE,
      result: NONE,
      measurableResult: false,
      specificExample: false,
      words: 0,
      estimatedSeconds: 0,
      fillers: [],
      fillerCount: 0,
      tips: [
        'Start with one real time it happened: where you were, what you had to do, what you did, and how it turned out.',
      ],
    };
  }

  const cues = sentences.map((s) => {
    const verbs = actionVerbs(s.norm);
    return {
      situation: SITUATION.test(s.norm) || NAMED_PLACE.test(s.text),
      task: TASK.test(s.norm),
      action: verbs.i + verbs.we > 0 || ACTION_PHRASE.test(s.norm),
      result: RESULT.test(s.norm),
      verbs,
    };
  });
  const n = sentences.length;
  const firstWhere = (test: (i: number) => boolean): number => {
    for (let i = 0; i < n; i++) if (test(i)) return i;
    return -1;
  };

  const firstAction = firstWhere((i) => cues[i]!.action);
  // The result is the first sentence with result cues after the first action (the tail of the answer);
  // the action's own sentence only when it closes the answer ("…, which cut waiting times by half").
  let resultIdx =
    firstAction < 0
      ? firstWhere((i) => cues[i]!.result && (i > 0 || n === 1))
      : firstWhere((i) => cues[i]!.result && i > firstAction);
  if (resultIdx < 0 && firstAction === n - 1 && cues[firstAction]!.result) resultIdx = firstAction;
  let situationIdx = firstWhere((i) => cues[i]!.situation && i !== resultIdx);
  const opensWithState =
    !cues[0]!.action && !cues[0]!.result && /\b(was|were|had)\b/.test(sentences[0]!.norm);
  if (situationIdx < 0 && n > 1 && opensWithState) situationIdx = 0;
  const taskIdx = firstWhere((i) => cues[i]!.task && i !== resultIdx);
  let actionIdx = firstWhere(
    (i) => cues[i]!.action && i !== situationIdx && i !== taskIdx && i !== resultIdx,
  );
  if (actionIdx < 0) actionIdx = firstWhere((i) => cues[i]!.action && i !== resultIdx);
  if (actionIdx < 0) actionIdx = firstAction;

  const measurableResult = resultIdx >= 0 && sentences.slice(resultIdx).some((s) => MEASURE.test(s.norm));

  const norm = normalise(text);
  const pastFirstPerson = [...norm.matchAll(PAST_FIRST_PERSON)].filter((m) => !NOT_PAST.has(m[2]!)).length;
  const hypothetical = [...norm.matchAll(HYPOTHETICAL)].length;
  const marker = TIME_OR_PLACE.test(norm) || NAMED_PLACE.test(text);
  const pastVerbs = [...norm.matchAll(PAST_VERB)].filter((m) => !NOT_PAST.has(m[1]!)).length;
  // Told in the past (an "I" or "we" in the past, and three past verbs in all), at a time or place,
  // and not mostly "I would" / "I always".
  const specificExample =
    FIRST_PERSON.test(norm) &&
    marker &&
    pastFirstPerson >= 1 &&
    pastVerbs >= 3 &&
    hypothetical * 2 < pastVerbs;

  const verbs = cues.reduce((acc, c) => ({ i: acc.i + c.verbs.i, we: acc.we + c.verbs.we }), { i: 0, we: 0 });
  const check: Omit<StarCheck, 'tips'> = {
    situation: part(sentences[situationIdx]),
    task: part(sentences[taskIdx]),
    action: part(sentences[actionIdx]),
    result: part(sentences[resultIdx]),
    measurableResult,
    specificExample,
    words,
    estimatedSeconds,
    fillers,
    fillerCount,
  };
  return { ...check, tips: tipsFor(check, { hypothetical, weOverI: verbs.we > verbs.i }) };
}

function tipsFor(
  check: Omit<StarCheck, 'tips'>,
  signs: { hypothetical: number; weOverI: boolean },
): string[] {
  const tips: string[] = [];
  if (!check.specificExample) {
    tips.push(
      signs.hypothetical > 0
        ? 'Words like "I would" or "I always" describe what you usually do; interviewers want one real time. Say when and where it happened ("Last spring, on the children\'s ward, …") and tell it in the past tense.'
        : 'Anchor it in one real occasion: say when and where it happened ("Last spring, at the store on Market Street, …") and tell it in the past tense.',
    );
  }
  if (!check.situation.present) {
    tips.push(
      'Open with one sentence that sets the scene: where you were working, when, and what was going on.',
    );
  }
  if (!check.task.present) {
    tips.push(
      'Add a sentence on what you were responsible for or what needed to change, such as "My job was to…".',
    );
  }
  if (!check.action.present) {
    tips.push('Say what you did, step by step, using "I": your actions are the heart of the answer.');
  } else if (signs.weOverI) {
    tips.push(
      'You say "we" more than "I". Make your own part clear: "I called…", "I set up…", "I checked…".',
    );
  }
  if (!check.result.present) {
    tips.push('Finish with how it turned out: what changed because of what you did, and what you learned.');
  } else if (!check.measurableResult) {
    tips.push(
      'Put a number on the result if you can: time saved, people helped, a percentage, or a before and after ("complaints fell from twelve a month to three").',
    );
  }
  if (check.estimatedSeconds > LONG_SECONDS) {
    const minutes = Math.round((check.estimatedSeconds / 60) * 2) / 2;
    tips.push(
      `Said aloud this would take about ${minutes} minutes; aim for about two by keeping the scene short and the actions in.`,
    );
  } else if (check.words < SHORT_WORDS) {
    tips.push(
      'This would take under half a minute to say; add a little more on what you did and how it ended.',
    );
  }
  if (check.fillerCount >= 3) {
    const top = check.fillers[0]!;
    tips.push(
      `You used ${check.fillerCount} filler words (most often "${top.word}"). A short pause sounds more confident than a filler; try pausing instead.`,
    );
  }
  if (tips.length === 0) {
    tips.push(
      'This has a clear situation, task, action and a measurable result. Practise saying it aloud in about two minutes.',
    );
  }
  return tips;
}
