/**
 * The phrase rules of the email classifier (classify.ts), as data.
 *
 * Each rule is a regular expression over the lower-cased, normalised text (subject + body, or the
 * subject alone), a class and a weight. A rule counts once per email. Weights are on one scale:
 * 6–8 is a phrase that decides the class on its own ("we regret to inform you", "pleased to offer
 * you the position"), 3–5 is strong support, 1–2 is a hint ("unfortunately", "salary"). `other`
 * starts with a prior (OTHER_PRIOR), so a hint alone never makes a job email. A negative weight
 * speaks against its class ("thank you for attending the interview" is not an invitation), and
 * `also` moves other classes (a job alert lowers every job class).
 *
 * Guards (checked around the match, in the same clause):
 * - `cond`: a conditional or hypothetical lead-in ("if you are not selected…", "should you be
 *   shortlisted, we will invite you to interview", "please assume…") cancels the rule.
 * - `neg`: a negation before it ("not been shortlisted for interview", "unable to offer you…")
 *   cancels the rule; the negated phrase is a rejection rule of its own.
 * - `elsewhere`: the phrase is about another person ("extended an offer to another candidate").
 *
 * Texts are lower-cased with contractions expanded ("won't" → "will not", "can't" → "cannot",
 * "didn't" → "did not") before matching, so patterns spell negations out.
 *
 * Body rules are anchored: `need` lists the words (whole lower-case tokens of letters, digits and
 * apostrophes) that a match can START with. The classifier finds every anchor word in one pass
 * over the text and tries the rule's regex only there, as a sticky match; context that must come
 * before the anchor is written as a lookbehind ("(?<=\bwe have )received"). A match starting
 * anywhere else is never seen — classify.test.ts checks this over every labelled example. Subject
 * rules are anchored the same way and only count inside the subject.
 *
 * Patterns avoid nested quantifiers; gaps are bounded ([^.\n]{0,40}?), so matching is linear.
 */
import type { EmailClass } from '../domain/model.js';

export type Guard = 'cond' | 'neg' | 'elsewhere';

export interface PhraseRule {
  cls: EmailClass;
  weight: number;
  need: readonly string[];
  source: string;
  guards: readonly Guard[];
  /** Other classes this phrase speaks against (negative) or for, besides its own. */
  also: Partial<Record<EmailClass, number>>;
}

/** The score `other` starts with: a job class needs more evidence than this to win. */
export const OTHER_PRIOR = 3;

/**
 * Words of job-search mail. An email with none of them (in subject or body) keeps only
 * NO_CONTEXT_FACTOR of its job-class evidence: "book your slot" for parents' evening is not an
 * interview, a friend asking "did you accept the offer?" is not an offer.
 */
export const JOB_CONTEXT_WORDS: readonly string[] = (
  'interview interviews interviewing interviewed application applications applied applying apply candidate ' +
  'candidates candidacy candidature position positions role roles vacancy vacancies job jobs hiring hire hired ' +
  'recruit recruiting recruitment recruiter cv cvs resume résumé career careers employment employer salary ' +
  'shortlisted shortlist selection talent internship apprenticeship apprentice graduate assessment onboarding ' +
  'shift post appointment manager'
).split(' ');
export const NO_CONTEXT_FACTOR = 0.6;

function rule(
  cls: EmailClass,
  weight: number,
  need: string,
  source: string,
  guards: readonly Guard[] = [],
  also: Partial<Record<EmailClass, number>> = {},
): PhraseRule {
  return { cls, weight, need: need.split(' ').filter((w) => w !== ''), source, guards, also };
}

const C: readonly Guard[] = ['cond'];
const CN: readonly Guard[] = ['cond', 'neg'];
const CNE: readonly Guard[] = ['cond', 'neg', 'elsewhere'];

const PEOPLE =
  '(?:candidates?|applicants?|individuals?|people|profiles?|persons?|applications|candidature|someone|applicant)';

// ---------------------------------------------------------------------------------------------
// Body rules (matched against subject + body)
// ---------------------------------------------------------------------------------------------

/** Nouns that stand for the job when a phrase names the post that was filled or lost. */
const POST =
  '(?:position|positions|role|roles|vacancy|vacancies|post|job|opening|openings|requisition|internship)';

export const BODY_RULES: readonly PhraseRule[] = [
  // ---------------- rejection ----------------
  rule(
    'rejection',
    6,
    'regret regretfully',
    String.raw`regret(?:fully)?,? (?:to (?:inform|advise|tell|let you know|say|announce|notify)|that (?:we|your|you|on this|i|it)|we (?:are|will|cannot|must|have))`,
    C,
  ),
  rule('rejection', 2, 'regret', String.raw`regret\b`, C),
  rule(
    'rejection',
    4,
    'sorry',
    String.raw`sorry,? (?:to (?:inform|tell|say|let you know|advise)|that (?:we|your|you|on this|i|it)|we (?:will not|cannot|are not|have))`,
    C,
  ),
  rule(
    'rejection',
    6,
    'not',
    String.raw`not (?:been |be |being |yet been )?(?:selected|shortlisted|short-listed|successful|retained|chosen|progressed|accepted|appointed|considered further|invited|moved forward|taken forward|put forward)\b`,
    C,
  ),
  rule('rejection', 6, 'unsuccessful', String.raw`unsuccessful\b`, C),
  rule(
    'rejection',
    6,
    'not unable no cannot',
    String.raw`(?:not|unable|no longer|cannot)(?: be)?(?: able)?(?: to)?(?: be)?(?: (?:further|any further|currently))? (?:move|moving|moved|proceed|proceeding|progress|progressing|progressed|go|going|continue|continuing|take|taking|taken|pursue|pursuing|consider|considering|process|processing|advance|advancing|further consider)\b[^.\n]{0,40}?(?:\bapplication|\bcandidacy|\bcandidature|\bforward|\bfurther|\bahead|\bnext (?:stage|step|round|phase)|\bto (?:the )?(?:next|assessment|interview|final|second|following|later)|\bprofile|\bwith (?:it|you|your|the recruitment)|\bon this occasion|\bat this (?:time|stage|point))`,
    C,
  ),
  rule(
    'rejection',
    7,
    'not unable cannot',
    String.raw`(?:not|unable|cannot)(?: be| been)?(?: able| in a position)?(?: to)? (?:offer|offering|extend|extending|make|making)\b[^.\n]{0,25}?(?:\byou\b|\ban offer|\boffer|\bposition|\brole|\bplace|\bemployment|\bjob|\bpost)`,
    C,
  ),
  rule(
    'rejection',
    6,
    'other another alternative different internal external more stronger',
    String.raw`(?<=\b(?:with|for|to|pursue|pursuing|select|selected|choose|chosen|chose|appoint|appointed|hire|hired|hiring|identified|focus on|accepted by|go for|gone for)\s+(?:an?\s+|the\s+|some\s+)?)(?:other|another|alternative|different|internal|external|more (?:suitable|qualified|experienced)|stronger)\s+(?:[a-z-]+\s+){0,2}?${PEOPLE}\b`,
    C,
  ),
  rule(
    'rejection',
    6,
    'move moving proceed proceeding go going progress progressing continue continuing',
    String.raw`(?:move|moving|proceed|proceeding|go|going|progress|progressing|continue|continuing)\s+(?:forward\s+|ahead\s+|on\s+|further\s+)?with\s+(?:the\s+|other\s+|another\s+)?(?:candidates|applicants|individuals|people whose|someone|a candidate|an applicant|a different)\b`,
    C,
  ),
  rule('rejection', 5, 'else', String.raw`(?<=\b(?:someone|somebody|another person) )else\b`, C),
  rule(
    'rejection',
    6,
    'offer offered offers',
    String.raw`(?:offer|offered|offers)\b[^.\n]{0,30}?\bto (?:a|an|another|the other|the successful|the preferred|other|one of the other|an internal|a different|an external)\s+(?:[a-z-]+\s+)?(?:candidate|applicant|person)`,
    C,
  ),
  rule(
    'rejection',
    5,
    'others another',
    String.raw`(?<=\b(?:identified|selected|chosen|found|hired|appointed) )(?:others|another)\b`,
    C,
  ),
  rule(
    'rejection',
    4,
    'whose closely aligned directly closer better stronger',
    String.raw`(?:whose (?:skills|experience|experiences|background|profile|qualifications|expertise)|(?<=\bmore )(?:closely|aligned|directly)|closer match|better (?:match|fit|aligned|suited)|stronger match)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'filled taken gone',
    String.raw`(?<=\b(?:places|place|spots|spot)\b[^.\n]{0,40}?\b(?:has|have|had|is|was|were|are) (?:now |already |just |all |been )*)(?:filled|taken|gone)\b`,
    C,
  ),
  rule(
    'rejection',
    6,
    'filled closed cancelled canceled withdrawn put placed taken frozen offered',
    String.raw`(?<=\b${POST}\b[^.\n]{0,40}?\b(?:has|have|had|is|was|were|are) (?:now |since |already |just |recently |unfortunately |all |been )*)(?:filled|closed|cancelled|canceled|withdrawn|put on hold|placed on hold|taken|frozen|offered)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'longer',
    String.raw`(?<=\b${POST}\b[^.\n]{0,40}?\b(?:is|are|was|has|have) (?:now )?(?:been )?no )longer (?:available|open|active|being (?:recruited|advertised|filled))\b|(?<=\bno )longer (?:recruiting|hiring) for\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'filled',
    String.raw`(?<=\b(?:have|has|had) (?:now |just |recently |already |since )*)filled\b|filled (?:internally|the (?:position|role|vacancy|post))\b`,
    C,
  ),
  rule(
    'rejection',
    4,
    'closed closing hold freeze',
    String.raw`clos(?:ed|ing) (?:the|this|our) (?:vacancy|position|role|requisition|recruitment|search)\b|(?<=\b(?:position|role|vacancy|search|requisition)\b[^.\n]{0,30}?on )hold\b|(?<=\bhiring )freeze\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'decided chosen elected opted',
    String.raw`(?<=\b(?:we|we've|i've|they've|they|and|have|has|had)\s+(?:now\s+|therefore\s+|unfortunately\s+|ultimately\s+|finally\s+|sadly\s+)?)(?:decided|chosen|elected|opted)\s+(?:not to|to not|against)\b`,
    C,
  ),
  rule('rejection', 5, 'decided', String.raw`decided (?:for|on) (?:another|a different|an other|other)\b`, C),
  rule('rejection', 5, 'not cannot', String.raw`(?:not|cannot) select\b`, C),
  rule(
    'rejection',
    5,
    'not',
    String.raw`not (?:be )?(?:inviting|invite|shortlisting|shortlist|invited|offering|progressing|hiring|retain|keep) (?:you|your|it)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'not',
    String.raw`not (?:the |a )?(?:right|best|strongest|good|strong|suitable|successful|most competitive|most suitable|perfect|ideal)? ?(?:fit|match|candidate)\b`,
    C,
  ),
  rule(
    'rejection',
    6,
    'declined rejected unsuccessful not',
    String.raw`(?<=\b(?:application|candidacy|candidature|status)\b[^.\n]{0,50}?\b(?:has been|have been|was|is|were|been updated to:?)\s+)(?:declined|rejected|unsuccessful|not (?:been )?(?:successful|progressed|selected|retained))`,
    C,
  ),
  rule(
    'rejection',
    5,
    'decline declined declining',
    String.raw`declin(?:e|ed|ing) your (?:application|candidacy)`,
    C,
  ),
  rule('rejection', 3, 'not', String.raw`not meet (?:the|our|all|some of the)\b`, C),
  rule(
    'rejection',
    3,
    'not never disappointing difficult tough hard close',
    String.raw`(?:not the (?:news|answer|outcome) you|(?:never|not an?) (?:easy|fun) (?:news|message|email|decision)|disappointing (?:news|outcome)|(?:difficult|tough|hard|close) (?:decision|choice))\b`,
    C,
  ),
  rule(
    'rejection',
    2,
    'file record keep future talent retain',
    String.raw`(?:(?<=\bon )(?:file|record)|keep you in mind|future (?:opportunities|vacancies|roles|positions|openings)|talent pool|retain your)\b`,
    C,
  ),
  rule(
    'rejection',
    1.5,
    'unfortunately sadly alas afraid',
    String.raw`(?:unfortunately|sadly|alas|(?<=\b(?:i'm|i am|we're|we are) )afraid)\b`,
  ),
  rule(
    'rejection',
    1.5,
    'best good wish success future',
    String.raw`(?:best of luck|good luck|wish you (?:the best|every success|all the best|success|luck|well)|success in your (?:job )?search|future endeavou?rs)\b`,
  ),
  rule('rejection', 1.5, 'occasion', String.raw`(?<=\bon this )occasion\b`),
  rule(
    'rejection',
    2,
    'unable competitive volume',
    String.raw`(?:unable to (?:provide|give|offer) (?:individual|specific|personal) feedback|(?<=\b(?:highly|extremely|very) )competitive|volume of applica)`,
    C,
  ),
  rule(
    'rejection',
    3,
    'reapply re',
    String.raw`(?:(?<=\b(?:welcome|encourage you|free) to )re-?apply\b|re-?apply (?:in|after|next)\b)`,
    C,
  ),
  rule('rejection', 3, 'not', String.raw`not work out\b`, C),
  rule(
    'rejection',
    5,
    'direction way different',
    String.raw`(?<=\b(?:go|going|gone|went|move|moving|take|taking)(?: in)? (?:a|another) (?:different )?)(?:direction|way)\b|(?<=\b(?:go|going|gone|went) (?:in )?(?:a )?)different direction\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'accepted',
    String.raw`accepted by (?:another|a different|an internal|the successful|a more|someone)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'selected chosen appointed hired identified found',
    String.raw`(?:selected|chosen|appointed|hired|identified|found) (?:a|an|the) (?:more |most )?(?:suitable |successful |preferred |stronger |qualified |experienced )?(?:candidate|applicant|person)\b(?! for (?:the|this) (?:next|interview|final))`,
    C,
  ),
  rule(
    'rejection',
    3,
    'looking seeking',
    String.raw`(?<=\b(?:are|were|is|was) )(?:looking|seeking) for (?:someone|a candidate|candidates|an applicant|applicants|a person) (?:with|who)\b`,
    C,
  ),
  rule('rejection', 5, 'regret', String.raw`(?<=\b(?:with|much) )regret\b`, C),
  rule(
    'rejection',
    6,
    'give given giving offer offered offering',
    String.raw`(?:give|given|giving|offer|offered|offering) (?:the|this|that) (?:job|role|position|post|place|spot|vacancy) to (?:a|an|another|someone|somebody|the other|one of|a different|an internal)\b`,
    C,
  ),
  rule('rejection', 4, 'no', String.raw`(?<=\b(?:it's|it is|that's|that is) a )no\b|no from us\b`, C),
  rule(
    'rejection',
    5,
    'other another',
    String.raw`(?:other|another) (?:candidates?|applicants?|people) (?:had|have|has|were|was|with) (?:more|stronger|better|greater|deeper|broader|a stronger|a better|more relevant)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'close closed closing',
    String.raw`(?:close|closed|closing) (?:out )?(?:your|the) (?:candidacy|application|candidature)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'focus focusing',
    String.raw`(?<=\b(?:decided|chosen|going|have|will|to) (?:to )?)focus(?:ing)? on (?:other |those |the )?(?:candidates|applicants|profiles)\b`,
    C,
  ),
  rule('rejection', 4, 'sorry', String.raw`sorry,? but\b`, C),
  rule(
    'rejection',
    5,
    'no',
    String.raw`no further action (?:on|with|regarding|in relation to) your (?:application|candidacy)`,
    C,
  ),
  rule('rejection', 3, 'not', String.raw`not match (?:the|our|all)\b`, C),
  rule('rejection', 1.5, 'however', String.raw`(?<=[.,;] )however,`),
  rule(
    'rejection',
    5,
    'not',
    String.raw`not (?:among|one of) (?:the )?(?:best|most|top|successful|highest|shortlisted|selected|strongest)\b`,
    C,
  ),
  rule(
    'rejection',
    5,
    'hired appointed recruited',
    String.raw`(?<=\b(?:have|has|'ve|had) (?:now |already |just )?)(?:hired|appointed|recruited) (?:for|someone|somebody|a|an|the|our|internally)\b|(?<=\balready )(?:hired|appointed|recruited)\b`,
    C,
  ),

  // ---------------- offer ----------------
  rule(
    'offer',
    7,
    'pleased delighted happy thrilled excited glad honoured honored proud',
    String.raw`(?:pleased|delighted|happy|thrilled|excited|glad|honou?red|proud)\s+(?:to|that we can|that we are able to)\s+(?:formally\s+|officially\s+|now\s+)?(?:offer|extend|make|confirm)\b(?!\s+(?:you\s+)?(?:an?\s+|the\s+|your\s+)?(?:interview|invitation|opportunity to (?:interview|meet|attend)|chance to|place at (?:our|the) (?:assessment|interview)|arrangements|receipt))`,
    CNE,
  ),
  rule(
    'offer',
    7,
    'offer',
    String.raw`(?<=\b(?:like|love|wish|want|able|glad|happy|pleased|delighted)\s+to\s+)offer\s+(?:you\s+)?(?:the|a|this|our)\b(?!\s+(?:an?\s+)?(?:interview|invitation|opportunity to (?:interview|meet)|chance to|call|meeting))`,
    CNE,
  ),
  rule(
    'offer',
    6,
    'offer',
    String.raw`offer you (?:the|a|this|our) (?:[a-z-]+ ){0,5}?(?:position|role|post|job|place|contract|opportunity to join|employment)\b`,
    CNE,
  ),
  rule(
    'offer',
    6,
    'formal official conditional provisional written verbal revised final firm full permanent unconditional job employment offer',
    String.raw`(?<=\b(?:offer|extend|make|making|extending|made|extended|present|share)\s+(?:you\s+)?(?:a|an|the|our|this)\s+)(?:(?:formal|official|conditional|provisional|written|verbal|revised|final|firm|full-time|permanent|unconditional)\s+)?(?:(?:job|employment)\s+)?offer\b`,
    CNE,
  ),
  rule(
    'offer',
    6,
    'offer job employment revised conditional provisional formal verbal written terms',
    String.raw`(?:offer of (?:employment|appointment)|job offer|employment offer|offer letter|revised offer|conditional offer|provisional offer|formal offer|verbal offer|written offer|terms of offer)\b`,
    CNE,
  ),
  rule(
    'offer',
    4,
    'offer',
    String.raw`(?<=\b(?:accept|accepting|accepted|sign|signing|review)\s+(?:this|the|our|your|my)\s+(?:(?:job|employment|revised)\s+)?)offer\b`,
    CN,
  ),
  rule(
    'offer',
    5,
    'offer',
    String.raw`(?:(?<=\b(?:come back with|made you|make you) an )offer|(?<=\ban )offer for you)\b`,
    CNE,
  ),
  rule(
    'offer',
    6,
    'appoint appointment',
    String.raw`(?:(?<=\bto )appoint you|appoint you to|appointment to the (?:post|position|role))\b`,
    CN,
  ),
  rule(
    'offer',
    5,
    'selected chosen successful retained',
    String.raw`(?:(?<=\byou (?:have|had|'ve) been )(?:selected|chosen) (?:for|as) (?:the|our|a|this)\s+(?:[a-z-]+ ){0,4}?(?:position|role|post|job|apprenticeship|internship|vacancy|place)|(?<=\byou (?:are|were) the )successful (?:candidate|applicant)|(?<=\byou(?: have|'ve) been )successful|(?<=\b(?:candidature|candidacy|application) has been )retained|(?<=\bbeen )retained for the (?:position|role|post))\b`,
    CN,
  ),
  rule(
    'offer',
    6,
    'got board onboard welcome join joining',
    String.raw`(?:(?<=\byou )got the job|(?<=\b(?:have|having|welcome) you on )board|(?<=\b(?:have|having|welcome) you )onboard|welcome aboard|welcome to the (?:[a-z]+ )?team|welcome you (?:to|as|aboard)|(?<=\b(?:delighted|thrilled|pleased|excited|happy) (?:that you will be|you're|you are|to have you) )join)`,
    CN,
  ),
  rule(
    'offer',
    4,
    'offer',
    String.raw`(?<=\b(?:you (?:have )?accepted|for accepting|you've accepted|have accepted) (?:our|the|this) (?:job |employment )?)offer`,
    CN,
  ),
  rule(
    'offer',
    3,
    'salary annum hour scale compensation bonus equity stock',
    String.raw`(?:salary|(?<=\bper )annum|(?<=\b(?:an|per) )hour|(?<=\bpay )scale|compensation|bonus|equity grant|stock options)\b`,
    C,
  ),
  rule(
    'offer',
    2,
    'start first induction commence',
    String.raw`(?:start date|first day|first shift|induction|start (?:on|next)|commence (?:on|employment))\b`,
    C,
  ),
  rule(
    'offer',
    3,
    'sign contract paperwork right pre dbs satisfactory onboarding background',
    String.raw`(?:sign and return|(?<=\b(?:your|the|employment|updated) )contract\b|contract (?:is )?attached|paperwork|right-to-work|right to work documents|pre-employment checks|dbs check|satisfactory references|onboarding|background check)`,
    C,
  ),
  rule(
    'offer',
    6,
    "job job's role role's position position's place place's",
    String.raw`(?:job|role|position|place)(?:'s| is) yours\b`,
    CN,
  ),
  rule(
    'offer',
    2,
    'start',
    String.raw`start (?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    C,
  ),
  rule('offer', 1.5, 'congratulations', String.raw`congratulations\b`),
  rule(
    'offer',
    6,
    'have',
    String.raw`(?<=\b(?:love|like|want|pleased|delighted|happy|thrilled|excited) to )have you (?:on|join|as|with us|in our team|in the team|aboard)\b`,
    CN,
  ),
  rule(
    'offer',
    6,
    'join joining',
    String.raw`(?<=\b(?:love|like|want) for you to )join (?:us|our|the)\b|(?<=\b(?:would love|would like|'d love|'d like) you to )join (?:us|our|the)\b`,
    CN,
  ),
  rule(
    'offer',
    4,
    'start',
    String.raw`(?<=\bwhen (?:can|could|would) you )start\b|(?<=\bhow soon (?:can|could) you )start\b`,
    CN,
  ),

  // ---------------- interview ----------------
  rule(
    'interview',
    6,
    'invite invites invited inviting invitation',
    String.raw`(?<!\b(?:recently|previously|already|earlier) )invit(?:e|es|ed|ing|ation)\b[^.\n]{0,50}?\b(?:interview|assessment|test|tests|call|chat|meeting|conversation|screen|screening|selection day|observation|trial|presentation|round|stage|assessment day|coffee|discussion|meet)`,
    CN,
  ),
  rule(
    'interview',
    6,
    'offer',
    String.raw`offer you an? (?:interview|place at (?:our|the) (?:assessment|interview))`,
    CN,
  ),
  rule(
    'interview',
    5,
    'schedule scheduling arrange arranging set setting book booking organise organize reschedule rearrange move',
    String.raw`(?:schedule|scheduling|arrange|arranging|set up|setting up|book|booking|organi[sz]e|reschedule|rearrange|move)\b(?: in)?[^.\n]{0,30}?\b(?:interview|phone screen|phone call|video call|call|chat|meeting|conversation|assessment|screen|first conversation|trial shift)`,
    CN,
  ),
  rule(
    'interview',
    6,
    'interview interviews assessment call',
    String.raw`(?:(?:interview|interviews|assessment|call)\b[^.\n]{0,20}?\b(?:is|has been|will be|are|have been) (?:now )?(?:scheduled|confirmed|booked|arranged|held|taking place|planned|set)|(?:interview|assessment) will (?:take place|last|be (?:held|with|conducted|at|on)))\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'availability available free time times slot slots date dates few suit suits work works convenient',
    String.raw`(?:(?<=\byour )availability|(?<=\bwhen you(?:'re| are|'d be| would be) )(?:available|free)|(?:times?|slots?|dates?) that (?:work|suit)|(?<=\ba )few times|(?<=\b(?:would|does|will) [a-z ]{0,20})(?:suit|work for) you|(?:suit|suits|work|works) for you\?|convenient time)`,
    CN,
  ),
  rule(
    'interview',
    5,
    'pick choose select book reserve confirm',
    String.raw`(?:pick|choose|select|book|reserve|confirm)\b[^.\n]{0,15}?\b(?:a|an|your|one of|the)\b[^.\n]{0,20}?\b(?:slot|slots|time slot|time|date|dates|timeslot)\b`,
    CN,
  ),
  rule(
    'interview',
    5,
    'calendly hackerrank codility hirevue coderbyte testgorilla codesignal karat modern sonru willo spark vidcruiter shl pymetrics',
    String.raw`(?:calendly|hackerrank|codility|hirevue|coderbyte|testgorilla|codesignal|karat|modern hire|sonru|willo|spark hire|vidcruiter|shl|pymetrics)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'take takehome coding technical case aptitude numerical verbal logical abstract psychometric skills typing online assessment practical driving selection trial working lesson observed one design presentation',
    String.raw`(?:take-?home|coding (?:challenge|exercise|test|assessment|task)|technical (?:test|assessment|exercise|task|challenge)|case study|aptitude tests?|(?:numerical|verbal|logical|abstract) reasoning|psychometric|skills test|typing (?:and [a-z]+ )?test|online (?:tests?|assessments?)|assessment (?:cent(?:re|er)|day)|practical assessment|driving assessment|selection day|trial shift|working interview|lesson observation|observed lesson|one-way video|design exercise|presentation on|(?<=\b\d+-minute )presentation)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'interview screen round',
    String.raw`(?:(?<=\b(?:phone|telephone|video|first|second|final|panel|technical|in-person|onsite|on-site|face-to-face) )interview|(?<=\bphone )screen|(?<=\b(?:first|final|next)[- ])round|interview day)\b`,
    CN,
  ),
  rule(
    'interview',
    5,
    'shortlisted short selected',
    String.raw`(?:(?<=\b(?:been|are|were|you're) )(?:short-?listed|selected) (?:for (?:an? |the )?(?:interview|next stage|final stage|assessment)|to (?:attend|interview))|(?<=\bbeen )short-?listed)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'next final move moving progress advance advanced advancing',
    String.raw`(?:next (?:stage|step|round)s? (?:is|are|will be)|final stage|move you forward|moving you forward|progress you to|advanced? to the (?:next|final)|advancing you)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'meet speak talk chat come pop join',
    String.raw`(?:(?<=\b(?:like|love|want|keen|pleased|happy|delighted|chance) to )(?:meet|speak|talk|chat)(?: with)? (?:you|in person)|(?<=\b(?:could|can|would) you )(?:come in|come and|pop in|join us))\b`,
    CN,
  ),
  rule(
    'interview',
    3,
    'interview assessment video phone technical trial test',
    String.raw`(?<=\byour )(?:interview|assessment|video interview|phone screen|technical interview|trial shift|test)\b`,
    CN,
  ),
  rule(
    'interview',
    3,
    'attend attendance',
    String.raw`(?:(?<=\bconfirm (?:your )?)attendance|(?<=\bto )attend|attend (?:an?|the|your) (?:interview|assessment))\b`,
    CN,
  ),
  rule(
    'interview',
    2,
    'zoom meet teams link calendar dial',
    String.raw`(?:zoom|(?<=\bgoogle )meet|teams|(?<=\b(?:meeting|video) )link|calendar invit\w*|dial-?in)\b`,
  ),
  rule(
    'interview',
    2,
    'see look looking speak talk',
    String.raw`(?:see you (?:then|there|on|at|tomorrow|soon|next)|look(?:ing)? forward to (?:meeting|speaking with|seeing) you|speak (?:to you )?then|talk then)\b`,
  ),
  rule(
    'interview',
    2,
    'bring wear',
    String.raw`(?:(?<=\bplease )bring|bring (?:your|photo|a copy|some|two)|wear (?:black|smart|comfy|comfortable))\b`,
  ),
  rule('interview', 2, 'interview interviews interviewing', String.raw`interview(?:s|ing)?\b`, CN),
  rule(
    'interview',
    4,
    'available free',
    String.raw`(?<=\b(?:are you|would you be|could you be|will you be|is|are) )(?:available|free) (?:for|to|on|at|tomorrow|today|this|next|later|in the)\b(?! (?:a )?(?:lunch|dinner|drinks?|breakfast|a pint)\b)`,
    CN,
  ),
  rule(
    'interview',
    4,
    'day days time times works suits suit work',
    String.raw`(?<=\bwhat (?:day|days|time|times|dates?) )(?:works?|suits?|would (?:work|suit)|is best)\b|(?<=\bwhich )(?:day|days|time|times|slot|date) (?:works?|suits?)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'meet come visit join',
    String.raw`(?<=\b(?:like|love|want|keen|pleased|happy|delighted) for you to )(?:meet|come in|come and|visit|join us)|meet the team\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'complete',
    String.raw`complete (?:the|this|our|a|an|your) (?:attached |short |brief |online |following )?(?:task|exercise|assignment|challenge|test|assessment|case study|questionnaire|presentation)\b`,
    CN,
  ),
  rule(
    'interview',
    3,
    'second next final following',
    String.raw`(?:second|next|final|following) (?:stage|round|step) (?:of|in) (?:our|the) (?:process|recruitment|selection|hiring)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'send sent sending',
    String.raw`(?:send|sent|sending) (?:you )?(?:the|a|an) (?:calendar |meeting |teams |zoom )?(?:invite|invitation)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    "let's let",
    String.raw`(?:let's|let us) (?:go with|do|say|book|lock in|pencil in|meet on|meet at) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the \d|\d)`,
    CN,
  ),
  rule(
    'interview',
    4,
    'intro introductory initial screening discovery quick short informal',
    String.raw`(?:intro|introductory|initial|screening|discovery|quick|short|informal) (?:phone |video )?(?:call|chat|conversation|meeting)\b`,
    CN,
  ),
  rule('interview', 3, 'calendar', String.raw`(?<=\b(?:my|our) )calendar\b`, CN),
  rule('interview', 4, 'scheduling booking', String.raw`(?:scheduling|booking) link\b`, CN),
  rule(
    'interview',
    4,
    'come informal',
    String.raw`(?<=\b(?:able to|could you|can you|would you|will you|free to) )come (?:in|along|over|by)\b|informal (?:chat|interview|meeting|conversation|discussion)\b`,
    CN,
  ),
  rule(
    'interview',
    3,
    'trade skill skills practical driving typing aptitude numeracy literacy english maths math personality cognitive situational psychometric reasoning',
    String.raw`(?:trade|skills?|practical|driving|typing|aptitude|numeracy|literacy|english|maths?|personality|cognitive|situational judge?ment|psychometric|reasoning) (?:tests?|assessments?)\b`,
    CN,
  ),
  rule(
    'interview',
    4,
    'group recruitment selection assessment campus site',
    String.raw`(?:group (?:interview|recruitment day|assessment|session|exercise)|recruitment (?:day|event)|selection (?:day|event|centre|center)|assessment (?:event|session)|(?:campus|site) visit)\b`,
    CN,
  ),
  rule(
    'interview',
    -4,
    'thank thanks after enjoyed great nice good lovely following',
    String.raw`(?:thanks? (?:you )?(?:again |very much |so much )?for (?:attending|coming in|coming to|doing|taking part|completing|interviewing|meeting|speaking|talking|your time|the time|the interview)|after (?:your|the|our) (?:recent |final |first |second |last )?(?:interview|trial|assessment|call|conversation)|enjoyed (?:meeting|speaking|talking)|(?:great|nice|good|lovely) (?:meeting|speaking|talking|to meet|to speak|to talk)|following your (?:recent |final |first |second |third |last |successful |phone |video |technical |panel )?(?:interview|assessment|trial))\b`,
  ),

  // ---------------- application_received ----------------
  rule(
    'application_received',
    6,
    'received submitted sent forwarded passed reached safely complete acknowledge receipt reception',
    String.raw`(?:(?<=\b(?:we|we've|have|has|i|i've)\s+(?:now\s+|successfully\s+|safely\s+|well\s+|just\s+|already\s+|duly\s+)?)received\s+your\s+(?:job\s+)?(?:application|cv|resume|candidature|candidacy|documents|application documents|details|email|responses|submission)|(?<=\b(?:has|have|was|is|were)\s+(?:been\s+)?(?:now\s+|successfully\s+|safely\s+)?)(?<=\byour\s+(?:job\s+)?(?:application|cv|resume|candidature|submission|email|responses|answers)\b[^.\n]{0,90})(?:received|submitted|sent|forwarded|passed|reached us|safely received|complete)|acknowledge (?:the )?receipt|(?<=\bconfirm(?:ation of)? (?:the )?)(?:receipt|reception)|receipt of (?:your )?(?:application|cv)|(?<=\bconfirms? (?:that )?(?:we (?:have |'ve )?)?)received|(?<=\b(?:it|this|application) (?:has|have) been (?:safely |successfully )?)received)`,
    CN,
  ),
  rule(
    'application_received',
    5,
    'got have',
    String.raw`(?:(?<=\b(?:we've|we have|i've|i have|i|we) )got your (?:application|cv|resume|email)|(?<=\bwe )have your (?:cv|application|resume))\b`,
    CN,
  ),
  rule(
    'application_received',
    4,
    'pass passed forward forwarded',
    String.raw`(?:pass|passed|forward|forwarded) (?:it|this|your cv|your application|your details|your resume) (?:on )?to (?:the |our )?(?:[a-z]+ )?(?:manager|team|hiring|recruiter|consultant|client|department)`,
    CN,
  ),
  rule(
    'application_received',
    4,
    'hear heard',
    String.raw`(?<=\bif you (?:have not|do not|did not) )hear(?:d)? (?:from us|back|anything)\b`,
    [],
  ),
  rule('application_received', 3, 'read', String.raw`(?<=\bwill be )read by\b`, []),
  rule(
    'application_received',
    4,
    'only',
    String.raw`only (?:shortlisted|successful|selected) (?:candidates|applicants) will be (?:contacted|notified|invited)`,
    [],
  ),
  rule(
    'application_received',
    5,
    'successfully submitted sent submitting',
    String.raw`(?:(?<=\byou (?:have )?)successfully applied|successfully submitted|(?<=\bapplication (?:has been |was )?)(?:submitted|sent to)|(?<=\b(?:for|on) )submitting your application)\b`,
    CN,
  ),
  rule(
    'application_received',
    3,
    'thank thanks',
    String.raw`(?:thank you|thanks|(?<=\bmany )thanks)(?: so much| very much| again)? for (?:applying|your (?:recent |job )?application|submitting|sending (?:your|us|over)|your interest in (?:applying|joining))`,
  ),
  rule(
    'application_received',
    3,
    'review reviewing consider considering assess assessing examine study check look have take evaluate reviewed considered assessed evaluated examined screened under studied',
    String.raw`(?:(?<=\b(?:will|'ll|shall|to)\s+(?:now\s+|carefully\s+|then\s+)?(?:be\s+)?)(?:review|reviewing|consider|considering|assess|assessing|examine|study|check|look at|have a look|take a look|evaluate|reviewed|considered|assessed|evaluated|examined|studied|screened)|(?<=\b(?:while|as) we )take a look|(?<=\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:being\s+)?)(?:reviewed|considered|assessed)|(?<=\b(?:currently|now)\s+)reviewing|under review|(?<=\bbeing )(?:reviewed|considered|studied))\b`,
    ['neg'],
  ),
  rule(
    'application_received',
    2,
    'be contact get reach let come respond update keep expect',
    String.raw`(?:(?<=\b(?:will|'ll|shall)\s+)(?:be\s+in\s+touch|contact\s+you|get\s+back\s+to\s+you|reach\s+out|let\s+you\s+know|come\s+back\s+to\s+you|respond|update\s+you|keep\s+you\s+(?:informed|updated|posted))|expect\s+to\s+hear)\b`,
  ),
  rule(
    'application_received',
    3,
    'if should once event',
    String.raw`(?:if|should|once|(?<=\bin the )event that)\s+(?:your|you|we|there|it)\b[^.\n]{0,60}?\b(?:match|matches|suitable|selected|shortlisted|fit|interest|interested|successful|progress|move forward|qualif\w*|align|meet)`,
  ),
  rule(
    'application_received',
    4,
    'thank thanks responses answers results submission test',
    String.raw`(?:thanks? (?:you )?for completing|(?:responses|answers|results|submission|test) (?:have|has|were|was) (?:been )?(?:received|submitted|recorded))\b`,
  ),
  rule(
    'application_received',
    2,
    'reference number id ref',
    String.raw`(?:(?<=\bapplication )(?:reference|number|id|ref)|reference number|(?<=\byour )reference)\b`,
  ),
  rule(
    'application_received',
    2,
    'happens action nothing',
    String.raw`(?:(?<=\bwhat )happens next|(?<=\bno (?:further )?)action is (?:needed|required)|nothing you need to do)\b`,
  ),
  rule(
    'application_received',
    2,
    'closing shortlisting',
    String.raw`(?:(?<=\b(?:after|once) the )closing date|closing date has passed|shortlisting will (?:take place|be))\b`,
  ),

  // ---------------- other: hard negatives ----------------
  // Job alerts, recommendations, digests.
  rule(
    'other',
    5,
    'alert alerts new jobs these matching saved similar recommended digest view see easy posted roles',
    String.raw`(?:(?<=\bjob )alerts?|(?<=\b\d+\+? )new (?:jobs|positions|roles|vacancies)|new (?:jobs|positions|roles) (?:for|matching|near|in)|jobs (?:for you|you (?:may|might)|near you|matching|that match|posted)|(?<=\b(?:may|might) (?:like|be interested in) )these|matching (?:jobs|your (?:search|preferences|profile))|saved (?:search|job)|similar jobs|recommended (?:jobs|for you|roles)|(?<=\b(?:daily|weekly) (?:job )?)digest|view (?:all )?(?:\d+ )?jobs|see all (?:\d+ )?jobs|easy apply|posted \d+ (?:days?|hours?|weeks?) ago|roles that match)\b`,
    [],
    { interview: -2, application_received: -2, rejection: -2, offer: -2 },
  ),
  rule('other', 2, 'apply', String.raw`apply now\b`),
  // Newsletters, marketing, events.
  rule(
    'other',
    4,
    'talent join newsletter webinar fair event events day days virtual reserve register sign signing signed subscribe subscribed',
    String.raw`(?:talent (?:community|network)|join our (?:talent|community|mailing)|newsletter|webinar|(?<=\b(?:careers?|jobs?) )fair|(?<=\bhiring )events?|(?<=\bopen )days?|virtual (?:event|careers)|reserve your (?:seat|place|spot)|register now|sign(?:ing|ed)? up|subscribe(?:d)?)\b`,
    [],
    { interview: -2, offer: -2 },
  ),
  rule(
    'other',
    3,
    'off discount shop offer limited voucher vouchers prize prizes winner winners promo free upgrade course blog tips',
    String.raw`(?:(?<=\d% )off|discount|shop now|offer ends|limited time|vouchers?|prizes?|winners?|promo code|free trial|upgrade to|course|blog|(?<=\b\d+ (?:quick )?)tips)\b`,
    [],
    { offer: -3, interview: -1 },
  ),
  rule(
    'other',
    5,
    'mock practice free',
    String.raw`(?:mock (?:tests?|interviews?|exams?)|practice (?:tests?|questions)|free (?:mock|practice))\b`,
    [],
    { interview: -4, application_received: -2 },
  ),
  // Account and security mail from career sites.
  rule(
    'other',
    6,
    'password passcode verification verify one code account profile register registered registering activate confirm complete updated privacy username two new sign',
    String.raw`(?:password|passcode|verification (?:code|link|email)|verify your (?:email|account|identity)|one-time (?:code|pass|password)|(?<=\b(?:sign-in|sign in|log-in|login|security) )code|(?:account|profile) (?:has been|was) (?:created|registered)|register(?:ed|ing)? (?:your|an|a new) (?:account|profile)|activate your (?:account|profile)|confirm your (?:email|e-mail)|profile is \d+%|complete (?:your|my) profile|updated (?:our|the) privacy|privacy (?:notice|policy) (?:has|for)|username:|two-factor|new device|sign-in (?:activity|notification))`,
    [],
    { interview: -3, application_received: -3, rejection: -3, offer: -3 },
  ),
  // Recruiter cold outreach.
  rule(
    'other',
    5,
    'came caught reaching client clients open interested updated latest recent current put submitted immediate c2h w2 temp advertised invite invited inviting fit match role position opportunity opportunities opening contract exciting noticed found saw viewed staffing hear',
    String.raw`(?:came across your|caught my eye|(?<=\bi(?:'m| am) )reaching out|reaching out (?:because|regarding|about)|(?<=\b(?:my|our) )clients?|(?<=\bare you )open to|(?<=\b(?:would|will) you be )(?:interested|open)|(?<=\b(?:are you|if you're|if you are) )interested|(?<=\b(?:send|share|reply with|email)(?: me| us)? your )(?:updated|latest|most recent|current)|put you forward|(?<=\bget you )submitted|immediate (?:start|opening)|c2h|w2|temp to perm|(?<=\bnot (?:yet )?)advertised|(?<=\b(?:you'd|you would|you could) be a (?:great|strong|good) )(?:fit|match)|(?<=\bgreat )match for you|(?<=\bi have (?:a|an|several|some) )(?:role|position|opportunit|opening|contract|immediate|exciting)|(?:noticed|found|saw|viewed) your (?:profile|cv|resume)|staffing (?:firm|company|agency))`,
    [],
    { interview: -3, application_received: -2 },
  ),
  rule(
    'other',
    3,
    'invite invited inviting hear good',
    String.raw`(?:invit(?:e|ed|ing) you to apply|(?<=\bto )hear more|(?<=\bis (?:now )?a )good time to (?:chat|talk|speak))\b`,
    [],
    { interview: -2 },
  ),
  // Mail to colleagues about someone else's hiring (interview panels, scorecards, approvals).
  rule(
    'other',
    8,
    'panel scorecard scorecards kit feedback named reference shortlist approval awaiting approve scoring hiring interviewed scheduled',
    String.raw`(?:(?<=\b(?:join|sit on|sitting on|be on|be part of)(?: the| our)?(?: interview)? )panel|scorecards?|(?<=\binterview )kit|(?<=\b(?:submit|provide|give) (?:your )?(?:interview )?)feedback on (?!request\b|your\b|you\b)|named you as (?:a |their )?referee|reference (?:form|request)|shortlist (?:ready|for review)|awaiting your approval|approve (?:the|this) (?:offer|shortlist|hire)|(?:approve|approval)[^.\n]{0,30}?offer|approve or reject|scoring sheets?|hiring team can make a decision|(?<=\byou )interviewed [a-z]+ [a-z]+ (?:for|on|yesterday|last|this|today)\b|scheduled to interview [a-z])`,
    [],
    { interview: -5, offer: -5, rejection: -2, application_received: -2 },
  ),
  rule(
    'other',
    4,
    "candidate applicant candidate's applicant's invite candidates slots",
    String.raw`(?:(?<=\b(?:to|for|of|from|with|by) the )(?:applicant|candidate)\b(?! (?:pool|portal|experience|journey|community|database|profile|account|home|centre|center|login))|(?<=\b(?:the|this) )(?:candidate|applicant)(?:'s)?\b[^.\n]{0,40}?\b(?:approval|resume|cv|application form|waiting|interview|feedback)|invite to (?:first |second )?interviews|(?<=\bthe [a-z ]{0,30})candidates (?:on|for|at)|(?<=\binterview )slots for)`,
    [],
    { interview: -2, offer: -2 },
  ),
  rule(
    'other',
    5,
    'interview make extend give',
    String.raw`(?:interview of (?!you\b)[a-z]+|(?:make|extend|give)\s+(?!you\b|us\b|me\b)[a-z'-]+(?:\s+[a-z'-]+)?\s+an?\s+(?:job\s+)?offer\b)`,
    [],
    { interview: -4, offer: -5 },
  ),
  // The candidate withdrew or declined: not a decision by the employer.
  rule(
    'other',
    8,
    'decided chosen elected wish wished opted withdraw withdrawn withdrawal decline declined declining accept accepted accepting',
    String.raw`(?:(?<=\b(?:you|you've|you have)\s+(?:have\s+)?)(?:decided|chosen|elected|wish|wished|opted)\s+(?:not to (?:continue|proceed|pursue|move)|to (?:withdraw|decline|accept another|take another|pursue another))|(?<=\brequest to )withdraw|(?<=\b(?:application|candidacy) has (?:now )?been )withdrawn|withdrawal of your|(?:decline|declined|declining) (?:our|the|this) (?:job |employment )?offer|accept(?:ed|ing)? another (?:offer|position|role|job))`,
    C,
    { rejection: -6, offer: -6 },
  ),
  rule(
    'other',
    5,
    'reserve waiting waitlist waitlisted',
    String.raw`(?:reserve list|waiting list|waitlist(?:ed)?)\b`,
  ),
  // Auto-replies and non-job notices.
  rule(
    'other',
    7,
    'office automatic auto autoreply annual limited away monitored',
    String.raw`(?:(?<=\bout of (?:the )?)office|automatic reply|auto-?reply|(?<=\bon )annual leave|limited access to (?:my )?e-?mail|away from the office|(?<=\bnot (?:actively )?)monitored)\b`,
    [],
    { interview: -3, rejection: -3, application_received: -3, offer: -3 },
  ),
  rule(
    'other',
    4,
    'order parcel dispatched shipped invoice statement membership booking flight appointment reminder track renew subscription',
    String.raw`(?:(?<=\byour )order|order #|parcel|dispatched|shipped|invoice|statement is|membership|booking reference|flight|appointment with dr|(?<=\b(?:dental|doctor's|gp) )appointment|reminder of your appointment|track (?:your|the) (?:parcel|package|order)|(?<=\b(?:will|to) )renew|subscription)\b`,
    [],
    { interview: -3, offer: -3, rejection: -2 },
  ),
  rule(
    'other',
    4,
    'survey rate review share experience how feedback',
    String.raw`(?:survey|rate your|(?<=\bwrite a )review|share your experience|(?<=\bcandidate )experience|how (?:did we do|we did)|feedback on our (?:hiring|recruitment|process))\b`,
    [],
    { interview: -3, application_received: -2 },
  ),
  rule(
    'other',
    4,
    'viewed downloaded noticed views',
    String.raw`(?:viewed your profile|(?<=\b(?:was|been) )viewed by|downloaded by|(?<=\bgetting )noticed|(?<=\bprofile )views)\b`,
    [],
    { application_received: -3 },
  ),
  rule(
    'other',
    4,
    'my applied submitted still chance hearing',
    String.raw`(?:(?<=\bfollow up on )my application|my application for|(?<=\bi (?:recently )?)(?:applied|submitted)|(?<=\b(?:i am|i'm) )still (?:very )?interested|(?<=\bwelcome the )chance to|(?<=\bi look forward to )hearing from you)\b`,
    [],
    { rejection: -2, application_received: -3, interview: -2 },
  ),
  rule(
    'other',
    3,
    'submitted finished started draft incomplete finish',
    String.raw`(?:(?<=\bnot (?:yet )?)(?:submitted|finished)|started an application|(?<=\bapplication )draft|draft has been saved|incomplete applications?|finish (?:and submit )?your application)\b`,
    [],
    { application_received: -3 },
  ),
  rule(
    'other',
    4,
    'free our download',
    String.raw`(?:free|our) (?:guide|ebook|e-book|checklist|toolkit)\b|download (?:the|our|a|your) (?:free )?(?:guide|ebook|e-book|checklist|report)\b`,
    [],
    { interview: -3, offer: -2 },
  ),
  // Applications for credit, housing, visas…: not job applications.
  rule(
    'other',
    8,
    'credit card mortgage loan visa tenancy rental passport insurance benefit benefits planning licence license account permit',
    String.raw`(?<=\b(?:your|a|an|the|new|online) )(?:credit card|card|mortgage|loan|visa|tenancy|rental|passport|insurance|benefits?|planning|licen[cs]e|account|permit) application\b|(?<=\bapplication for (?:a|an|your|the) (?:[a-z]+ )?)(?:credit card|card|mortgage|loan|visa|tenancy|passport|account|permit|licen[cs]e|overdraft)(?=[.,;:!?)\n]| (?:with|at|has|have|was|is|from|on|in|and|to|will|we)\b|$)`,
    [],
    { application_received: -12, rejection: -12, offer: -8, interview: -4 },
  ),
  rule('other', 3, 'refer referral', String.raw`(?:refer a friend|refer (?:them|someone)|referral bonus)\b`),
  // Written to several people: job-search mail is written to one.
  rule(
    'other',
    3,
    'hi hello dear hey',
    String.raw`(?:(?<=^|\n)(?:hi|hello|dear|hey) (?:all|team|everyone|colleagues|both|folks)\b)`,
    [],
    { interview: -2, offer: -2 },
  ),
  rule(
    'other',
    5,
    'review read look go cvs resumes',
    String.raw`(?:review|read|look at|go through|look over|score) (?:the |all the |these )?(?:cvs|resumes|applications|candidates' )\b|(?:cvs|resumes) (?:and|before|for the)\b`,
    [],
    { interview: -3, application_received: -3 },
  ),
  // Job boards welcoming a new user.
  rule(
    'other',
    5,
    'start keep search searching set find thousands millions',
    String.raw`(?:(?:start|keep) (?:searching|applying|browsing)|search(?:ing)? (?:thousands of |for )?jobs|set up (?:job )?alerts|find your (?:next|dream|perfect) (?:job|role)|(?:thousands|millions) of (?:jobs|roles|vacancies))\b`,
    [],
    { offer: -4, application_received: -3 },
  ),
  // Registering with an agency is not applying for a job.
  rule(
    'other',
    5,
    'registering registered register',
    String.raw`(?:registering|registered|signing up) with (?:us|our agency|[a-z]+ (?:recruitment|staffing|agency|recruiting))\b`,
    [],
    { application_received: -3 },
  ),
  rule(
    'other',
    5,
    'coaching mentoring career coach',
    String.raw`(?:coaching|mentoring) (?:session|call|appointment|programme|program)|career (?:coach|adviser|advisor|coaching)|(?<=\b(?:your|a|our) )coach\b`,
    [],
    { interview: -4, offer: -2 },
  ),
  rule(
    'other',
    4,
    'open information info',
    String.raw`(?:open evening|information session|info session|open house)\b`,
    [],
    { interview: -3 },
  ),
  rule(
    'other',
    3,
    'welcome',
    String.raw`welcome to (?:the |our )?[a-z0-9&' -]{0,40}(?:careers|talent community|talent network|community)\b`,
    [],
    { offer: -4 },
  ),
];

// ---------------------------------------------------------------------------------------------
// Subject rules (matched against the subject only)
// ---------------------------------------------------------------------------------------------

export const SUBJECT_RULES: readonly PhraseRule[] = [
  rule(
    'interview',
    3,
    'interview interviews assessment phone video trial take takehome availability schedule scheduled coding skills aptitude typing online',
    String.raw`(?:interviews?|assessment|phone screen|video call|trial shift|take-?home|availability|scheduled?|(?:coding|skills|aptitude|typing|online) tests?)\b`,
    ['neg'],
  ),
  rule(
    'interview',
    1,
    'next call meeting final zoom',
    String.raw`(?:next (?:steps?|stage)|call|meeting|final round|zoom link)\b`,
  ),
  rule(
    'application_received',
    3,
    'application received thank thanks confirmation receipt acknowledgement acknowledgment under sent submitted',
    String.raw`(?:application (?:received|submitted|confirmation|acknowledge?ment|complete|is in)|received your application|thanks? (?:you )?for (?:applying|your application)|confirmation of receipt|receipt of (?:your )?application|acknowledge?ment of|under review|(?<=\bapplication (?:was|has been) )(?:sent|submitted))\b`,
  ),
  rule(
    'offer',
    4,
    'job employment internship apprenticeship conditional provisional revised formal written verbal offer welcome got appointment',
    String.raw`(?:(?:job|employment|internship|apprenticeship|conditional|provisional|revised|formal|written|verbal) offer|offer (?:of employment|letter|details|for|from)|(?<=\byour )offer|welcome aboard|(?<=\byou )got the job|appointment to the post)\b`,
    ['neg'],
  ),
  rule('offer', 2, 'welcome', String.raw`welcome to\b`),
  rule(
    'rejection',
    3,
    'unsuccessful regret not declined rejected',
    String.raw`(?:unsuccessful|regret|not selected|declined|rejected|not successful)\b`,
    ['neg'],
  ),
  rule(
    'other',
    5,
    'alert alerts new jobs digest recommended matching positions automatic office auto autoreply withdraw withdrawn withdrawal password verify code account profile webinar newsletter survey invitation saved',
    String.raw`(?:(?<=\bjob )alerts?|(?<=\b\d+\+? )new (?:jobs|positions|roles)|jobs (?:for|you|near|matching|in)|(?<=\b(?:daily|weekly) (?:job )?)digest|recommended|matching your|positions for|automatic reply|(?<=\bout of )office|auto-?reply|withdraw(?:n|al)?|password|verify|(?<=\b(?:sign-in|one-time|verification|security) )code|(?<=\byour (?:candidate )?)account|profile is|webinar|newsletter|survey|invitation to apply|saved (?:job|search))\b`,
    [],
    { interview: -2, application_received: -2, offer: -2, rejection: -2 },
  ),
];

// ---------------------------------------------------------------------------------------------
// Japanese and Chinese phrases (no spaces between words, so no anchors: searched whole, only in
// mail that contains CJK characters)
// ---------------------------------------------------------------------------------------------

export const CJK_RULES: readonly PhraseRule[] = [
  // Japanese
  rule('offer', 7, '', String.raw`内定|採用(?:が|を)?決定|採用させていただ`),
  rule(
    'rejection',
    7,
    '',
    String.raw`不採用|見送らせていただ|お見送り|ご期待に(?:沿|添)えない|ご希望に(?:沿|添)(?:いかねる|えない|うことができない)|ご縁がなかった|ご活躍を(?:心より)?お祈り`,
  ),
  rule('rejection', 1.5, '', String.raw`残念ながら`),
  rule(
    'interview',
    6,
    '',
    String.raw`面接(?:日程|のご案内|のお知らせ|にお越し|を実施|のご連絡)|一次面接|二次面接|最終面接|面談の日程`,
  ),
  rule('interview', 3, '', String.raw`面接|ご都合のよい日時|候補日`),
  rule(
    'application_received',
    4,
    '',
    String.raw`ご応募(?:いただき)?(?:誠に)?ありがとうございま|応募を受け付け|受け付けいたしました|書類選考`,
  ),
  // Chinese
  rule('offer', 7, '', String.raw`录用通知|录取通知|正式录用|聘用通知`),
  rule('rejection', 7, '', String.raw`很遗憾|未能通过|不予录用|暂不考虑`),
  rule('interview', 6, '', String.raw`面试邀请|邀请您参加面试|面试时间|面试安排`),
  rule('interview', 3, '', String.raw`面试`),
  rule('application_received', 5, '', String.raw`已收到您的(?:申请|简历)|感谢您的申请|感谢您投递`),
];

// ---------------------------------------------------------------------------------------------
// Extraction vocabularies
// ---------------------------------------------------------------------------------------------

/** Nouns that end a job title: a phrase ending in one of these is a role, never a company. */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  (
    'analyst engineer developer designer manager nurse assistant teacher lecturer lectureship driver operative ' +
    'operator technician associate specialist coordinator co-ordinator intern internship consultant ' +
    'representative rep officer administrator admin clerk cashier accountant scientist researcher electrician ' +
    'plumber carpenter joiner chef cook porter pharmacist dispenser therapist receptionist supervisor lead ' +
    'director executive advisor adviser handler worker carer attendant barista bartender waiter waitress ' +
    'server cleaner mechanic welder labourer laborer surveyor architect negotiator agent partner crew ' +
    'apprentice apprenticeship graduate trainee librarian paramedic midwife doctor physician dentist hygienist ' +
    'practitioner counsellor counselor guard controller planner buyer merchandiser stylist hairdresser tutor ' +
    'instructor coach editor writer copywriter marketer recruiter owner auditor bookkeeper economist ' +
    'statistician postdoc fellow professor principal head technologist programmer administrator teller ' +
    'estimator inspector fitter installer electrician picker packer stocker merchandiser housekeeper ' +
    'caretaker groundskeeper gardener landscaper painter decorator roofer bricklayer plasterer tiler ' +
    'scaffolder machinist fabricator assembler courier dispatcher loader warehouseman storekeeper ' +
    'chemist biologist physicist veterinarian vet optician optometrist radiographer sonographer ' +
    'phlebotomist psychologist officer secretary paralegal solicitor lawyer attorney barrister ' +
    'underwriter actuary broker trader banker cashier strategist producer journalist photographer ' +
    'illustrator animator translator interpreter scheduler expeditor foreman superintendent ' +
    'sous porter host hostess steward stewardess purser pilot captain mate deckhand conductor ' +
    'programme program scheme fellowship studentship residency position'
  ).split(' '),
);

/** Words of a From display name or signature line that mark an organisation or a function, not a person. */
export const NON_PERSON_WORDS: ReadonlySet<string> = new Set(
  (
    'careers career team talent acquisition recruiting recruitment recruiter recruiters hr human resources ' +
    'people culture hiring jobs job alerts alert notifications notification noreply no-reply support service ' +
    'services admin the inc ltd llc plc gmbh sa corp corporation company co group university college school ' +
    'academy campus program programme office department dept staffing solutions technologies technology ' +
    'software systems health hospital bank store webstore account accounts linkedin indeed glassdoor ' +
    'ziprecruiter monster workday greenhouse lever icims jobvite smartrecruiters teamtailor hackerrank ' +
    'codility hirevue calendly apply info mail mailer digest community network daily weekly reviews ' +
    'partners consulting trust council foods homes care vets dental pharmacy hotels airlines energy ' +
    'logistics media analytics capital insurance digital manufacturing construction practice rewards ' +
    'events advice update updates newsletter early graduate graduates university personnel department ' +
    'operations payroll desk centre center bistro inn joinery haulage distribution'
  ).split(' '),
);

/** Sender-domain labels that belong to an ATS, a job board or a mail provider, never the employer. */
export const PLATFORM_DOMAINS: ReadonlySet<string> = new Set(
  (
    'myworkday workday myworkdayjobs greenhouse greenhouse-mail lever hire icims jobvite smartrecruiters ' +
    'smartrecruiters-mail teamtailor teamtailor-mail taleo successfactors ashbyhq ashbyhq-mail bamboohr workable ' +
    'recruitee personio breezy jazzhr applytojob hackerrank codility hirevue calendly linkedin indeed glassdoor ' +
    'ziprecruiter monster dice gmail googlemail outlook hotmail live yahoo icloud aol proton protonmail mail ' +
    'email careers jobs notifications noreply no-reply peopleflow recruiting'
  ).split(' '),
);

/** Top-level and second-level domain labels skipped when reading a company from a sender domain. */
export const DOMAIN_SUFFIXES: ReadonlySet<string> = new Set(
  'example com org net io co uk us de fr es it nl se no dk fi ie eu gov ac edu info biz ai app dev ca au nz in jp'.split(
    ' ',
  ),
);
