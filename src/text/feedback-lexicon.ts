/**
 * Data for the feedback theme tagger (feedback.ts): the phrases that name each theme of DESIGN.md §2 and
 * the words that say whether the interviewer liked what they saw.
 *
 * Every pattern is a regular-expression source matched against a lower-cased sentence whose curly quotes
 * are straight and whose accents are stripped ("résumé" → "resume"), with word boundaries added at both
 * ends (evidence words also stop at hyphens, so "lower-ability" is not "lower"). British and American
 * spellings are written side by side (`organi[sz]ation`, `behaviou?r`).
 * The lists are written for interviewer feedback in every kind of job (care, retail, teaching, finance,
 * trades, logistics, software, sales, hospitality), not for one employer's wording.
 */
import type { FeedbackTheme } from '../domain/model.js';

const S = String.raw;

export type Polarity = 'positive' | 'negative';

export interface CueRule {
  /** Regular-expression source, lower case. */
  re: string;
  /** The cue says it on its own ("rambled", "well prepared"); otherwise the words around it decide. */
  polarity?: Polarity;
  /** Match against the original capitalisation (acronyms such as STAR). */
  caseSensitive?: boolean;
}

/** Themes found from their own cues; `positive` is derived (praise of a strength) plus PRAISE_CUES. */
export type CuedTheme = Exclude<FeedbackTheme, 'positive'>;

// Nouns that point at the employer rather than at the job's skills: "knowledge of our products" is
// research, "knowledge of IFRS 16" is a technical skill.
const EMPLOYER_NOUNS = S`(?:company|organi[sz]ation|business|firm|school|trust|hospital|brand|role|position|job|post|history|values|mission|vision|strategy|competitors?|products|services|clients?|client base|customers|markets?|range|ethos|ward|practice|charity|stores?|shops?|group|team's work|culture|offer(?:ing)?s?)`;
const EMPLOYER = S`(?:how |what |who |why |where )?(?:(?:the |our |its |this |your |the company's |the school's |the trust's )(?:[\w-]+ )?)?${EMPLOYER_NOUNS}`;

const OTHER_SKILLS = S`communication|interpersonal|presentation|presenting|listening|people|soft|verbal|written|writing|leadership|management|managerial|influencing|teamwork|team|social|customer service|coaching|supervisory|mentoring|questioning`;

const SKILL_NOUN = S`(?:skills?|skill ?set|skillsets?|abilit(?:y|ies)|capabilit(?:y|ies))`;

export const THEME_CUES: Record<CuedTheme, CueRule[]> = {
  communication: [
    { re: S`communicat\w*` },
    {
      re: S`(?:communication|interpersonal|presentation|presenting|listening|soft|verbal|written|writing|people) ${SKILL_NOUN}`,
    },
    { re: S`articulat(?:e|ed|es|ing|ely|ion)(?! (?:lorry|lorries|truck|trucks|vehicles?))` },
    {
      re: S`concise(?:ly|ness)?|succinct\w*|to the point|well[- ]spoken|fluent(?:ly)?`,
      polarity: 'positive',
    },
    {
      re: S`rambl\w*|waffl\w*|muddled|contradict\w*|confus(?:ed|ing)|verbose|long[- ]winded|tangents?|off[- ]topic|mumbl\w*|jargon`,
      polarity: 'negative',
    },
    {
      re: S`(?:hard|difficult) to (?:follow|understand|hear)|(?:lost|lose|losing) (?:the|your) (?:thread|point|audience)|points? (?:got|get|were|was) lost`,
      polarity: 'negative',
    },
    { re: S`easy to (?:follow|understand|listen to)`, polarity: 'positive' },
    { re: S`(?:took|take|taking) (?:a long time|too long|a while|ages) to get to`, polarity: 'negative' },
    { re: S`clarity` },
    {
      re: S`clear(?:ly)? (?:and (?:concise|confident|structured|articulate|engaging))|clear(?:ly)? (?:communicator|speaker|answers?|explanations?|responses?|presentation)`,
      polarity: 'positive',
    },
    { re: S`unclear (?:answers?|responses?|explanations?)`, polarity: 'negative' },
    {
      re: S`(?:answers?|responses?|explanations?|replies) (?:were|was|are|felt|seemed) (?:\w+ ){0,2}(?:clear|unclear|muddled|confusing|disjointed|jumbled|brief|short|long|lengthy|wordy|rushed)`,
    },
    {
      re: S`(?:clearly|simply|concisely|succinctly) explain\w*(?! (?:why|what attracted|how you (?:would|could)))`,
    },
    { re: S`explain\w* (?:[\w-]+ ){0,6}(?:clearly|simply|concisely|succinctly)`, polarity: 'positive' },
    {
      re: S`(?:explain|articulate|express|convey|communicate|get|put)\w* (?:your |complex |technical |difficult |the )?(?:thinking|ideas|reasoning|thoughts|thought process|concepts|points? across|yourself)`,
    },
    { re: S`listen\w*` },
    { re: S`confiden(?:t|tly|ce)|composed|poised|assured`, polarity: 'positive' },
    {
      re: S`nervous\w*|nerves|hesitant\w*|hesitat(?:ed|ing|ion|ions)|reserved|shy|timid|introvert\w*|softly[- ]spoken|brash|overbearing|defensive(?:ly|ness)?|rehearsed|scripted|robotic|wooden|stilted`,
      polarity: 'negative',
    },
    {
      re: S`(?:calm|measured|considered|composed) (?:and \w+ )?(?:answers|responses|manner|delivery|way of speaking)`,
      polarity: 'positive',
    },
    {
      re: S`(?:gave|give|giving|given|painted|paint) (?:us |the panel )?(?:a )?(?:very |really )?(?:clear|vivid|good|great|full) picture|eye contact|body language|(?:your|the) tone|(?:your|the) manner with`,
    },
    {
      re: S`(?:spoke|speak|speaking|talk|talked|talking) (?:too |very |quite |a bit |rather |so )?(?:quickly|fast|rapidly|slowly|softly|quietly)`,
      polarity: 'negative',
    },
    {
      re: S`(?:spoke|speak|speaking) (?:very |so |really )?(?:clearly|confidently|fluently|well|articulately)`,
      polarity: 'positive',
    },
    { re: S`your (?:main |key )?points?` },
    {
      re: S`(?:answer|answered|answering|address|addressed|addressing|respond(?:ed)? to) (?:the|each|every) question(?:s)?(?: (?:that was |you were |being )?asked| directly| put to you)?|(?:answer|address)(?:ed|ing)? (?:the|each) question directly`,
    },
    {
      re: S`(?:very |too |quite |rather |overly |a bit )?(?:short|brief|long|lengthy|one[- ]word|rambling|wordy|waffly|clipped|monosyllabic) (?:answers|responses|replies)|(?:answers?|responses?) (?:tended to be|could be|were often|were sometimes) (?:\w+ )?(?:long|short|brief|lengthy|wordy)`,
    },
    {
      re: S`fluster\w*|rattled|composure|poise|(?:to )?warm up|sell(?:ing)? (?:yourself|your (?:strengths|skills|experience|achievements))|oversell\w*|undersell\w*|read(?:ing)? (?:from|off) (?:your |the )?notes|(?:relied|relying) (?:heavily )?on (?:your )?notes|drift\w* off|unstructured|disorgani[sz]ed|(?:answers?|responses?|presentation|thoughts|points?) (?:were |was |lacked |lacking |had no |needed more |needs more )?(?:\w+ )?(?:un)?structur\w*`,
    },
    {
      re: S`(?:a bit|a little|too|overly|rather|quite|slightly|sometimes|often) (?:long|lengthy|wordy|brief|short|rambling|repetitive)|(?:shorter|crisper|tighter|snappier|more focused|more concise|more succinct|longer|fuller)(?:,? (?:and )?(?:more )?[\w-]+)? (?:answers|responses|replies)|(?:took|take|taking) (?:a while|some time|time|a long time|a little while) to (?:warm up|settle|relax|get going|open up)`,
      polarity: 'negative',
    },
    {
      re: S`(?:expand|elaborate)(?:ed|ing)? (?:on|when|further)|spelling|grammar|grammatical|punctuation|typos?|proof[- ]?read\w*`,
    },
    {
      re: S`(?:ran|run|running|went|go|going) over (?:the |your )?(?:time|time limit|allotted time)|overran|over[- ]ran`,
      polarity: 'negative',
    },
    {
      re: S`(?:too|very|rather) quiet(?:ly)?|slow down|repeat yourself|one[- ]word (?:answers|replies|responses)|(?:talked|talking|spoke|speaking) (?:too much|over)`,
      polarity: 'negative',
    },
    { re: S`interrupt\w*`, polarity: 'negative' },
    {
      re: S`present(?:ed|ing)? (?:yourself|your (?:ideas|case|points?|thoughts|findings))|(?:your|a|an|strong|good|great|excellent|clear|weak|polished|engaging|confident) presentation(?! (?:task|exercise|to|was scheduled|slot))`,
    },
    { re: S`(?:your|spoken|written) english|english (?:is|was)` },
    { re: S`interpersonal|rapport|elaborat\w*|persuasive` },
    {
      re: S`engag(?:ed|ing) (?:\w+ )?with (?:the |your |an |each |all )?(?:whole )?(?:panel|audience|interviewers?|customers?|patients?|room|group)`,
    },
    {
      re: S`(?:your |the )?presentation (?:was|were) (?:\w+ )?engaging|engaging (?:presentation|speaker|manner|style)`,
    },
    {
      re: S`(?:well[- ]|more |better |clearly |badly |poorly |un)?structured (?:answers?|responses?|replies)|structure (?:your |of your |in your |to your )?(?:answers?|responses?)|(?:answers?|responses?) (?:were|was) (?:\w+ )?(?:well[- ])?structured`,
    },
  ],

  technical_skills: [
    { re: S`(?<!(?:non|less|un)[- ])technical(?:ly)?|(?:job|role)[- ]specific` },
    { re: S`(?<!(?:${OTHER_SKILLS}) )${SKILL_NOUN.replace('abilit(?:y|ies)|', '')}` },
    {
      re: S`(?:knowledge(?:able)?|understanding|grasp|command|awareness) (?:of|about|around|on)(?! ${EMPLOYER}(?![\w-]))`,
    },
    { re: S`knowledge(?:able)?(?! (?:of|about) ${EMPLOYER}(?![\w-]))` },
    {
      re: S`(?:know|knew|knows|knowing) (?:your|their|his|her) (?:stuff|subject|onions|craft|trade)`,
      polarity: 'positive',
    },
    {
      re: S`(?:advanced|basic|core|key|technical) (?:topics|concepts|areas|techniques)|edge cases|corner cases|(?:your|the) solution|questioning|(?:your|the) lesson`,
    },
    { re: S`(?:explain|describe|define|tell us) the difference between` },
    {
      re: S`expertise|proficien\w*|fundamentals|best practices?|methodolog\w*|techniques?|hands[- ]on skills`,
    },
    {
      re: S`(?:basic|technical|coding|domain|clinical|accounting|financial|engineering|scientific|legal|medical|mathematical|maths|programming|design) (?:concepts|questions|principles|problems?|exercises?|scenarios?)`,
    },
    {
      re: S`(?:case study|budgeting|technical|coding|numeracy|numerical|literacy|practical|written|online|skills|aptitude|psychometric|driving|trade|typing|excel|maths?|mental arithmetic|cash handling|bookkeeping|programming|design) (?:test|tests|assessment|exercise|task|questions?|challenge|simulation|round|analysis|score)`,
    },
    {
      re: S`(?:light|lighter|thin|thinner|weaker|weak|strong|stronger|solid) on (?:the )?(?:[\w-]+ ){0,2}side|commercial (?:focus|acumen|awareness|sense|thinking|skills)|hit the ground running|(?:significant|extensive|a lot of|lots of|more|further) training|up to speed|(?:observed|teaching|taught|trial|demo) (?:session|lesson|class)|teaching (?:observation|practice|style)|business case|understand(?:s|ing)? how (?:a |an |the )?(?:[\w-]+ ){0,3}(?:works?|operates?|functions?|runs?)|take[- ]home|live coding|pair programming|whiteboard(?:ing)?|pass mark|scenarios?`,
    },
    { re: S`(?:in)?correct(?:ly)?|(?:in)?accura(?:te|tely|cy)|wrong(?:ly)?` },
    {
      re: S`(?:our|the|their|your|its) (?:[\w-]+ )?(?:systems|software|tools|equipment|machinery|platforms?)|confidentiality|data protection|gdpr|compliance|legislation|risk management|judge?ment`,
    },
    // Software and data.
    {
      re: S`coding|code|programm?ing|algorithms?|data structures|system design|systems design|software design|architecture|debug\w*|refactor\w*|object[- ]oriented|oop|sql|python|java(?:script)?|typescript|react|cloud|aws|azure|devops|kubernetes|networking|cyber ?security|distributed systems|apis?|databases?`,
    },
    {
      re: S`(?:unit|automated|integration|end[- ]to[- ]end) tests?|tested (?:your|the) code|(?:lacked|missing|no|without|wrote|writing|write|added|adding) (?:any )?tests`,
    },
    // Finance and office.
    {
      re: S`excel|spreadsheets?|pivot tables?|v?lookups?|formulas|formulae|macros|financial model+ing|model+ing|valuations?|accruals|reconciliations?|reconcile|ifrs(?: \d+)?|gaap|bookkeeping|ledgers?|sage|xero|quickbooks|tax (?:rules|law|returns)|auditing|forecasting|commercial(?:ly)? aware(?:ness)?|accounting (?:concepts|principles|standards|skills|knowledge)`,
    },
    // Care and health.
    {
      re: S`clinical\w*|drug (?:calculations?|rounds?)|medications?|care plan\w*|risk assessments?|sepsis|infection control|wound care|manual handling|clinical observations`,
    },
    // Teaching.
    {
      re: S`lesson (?:plan\w*|observation|delivery)|observed lesson|(?:behaviou?r|classroom) management|differentiat\w*|curriculum|phonics|pedagog\w*|assessment for learning`,
    },
    // Trades, driving and logistics.
    {
      re: S`wiring|(?:18th|17th) edition|regulations|safety (?:procedures?|regulations|checks|rules)|health and safety|fault[- ]finding|diagnos\w+ (?:an? |the )?(?:\w+ ){0,2}faults?|welding|plumbing|carpentry|wms|warehouse management systems?|inventory|stock control|route planning|routing|supply chain|load planning|reversing`,
    },
    // Retail, hospitality and sales.
    {
      re: S`tills?|cash handling|merchandising|visual merchandising|upsell\w*|cross[- ]sell\w*|objection handling|objections|closing techniques?|negotiat\w+|prospecting|pipeline management|crm|salesforce|sales techniques?|haccp|food safety|food hygiene|knife skills|product knowledge`,
    },
  ],

  experience: [
    {
      re: S`(?:haven't|have not|hasn't|has not|had not|hadn't|never|not yet) (?:yet |previously |actually |ever )?(?:held|worked (?:in|as|at|with|on|for)|supervised|managed|led|run|had (?:any |the )?(?:responsibility|experience|exposure)|had (?:line |people )?management)|(?:a (?:bit|little) |too |quite |rather |still )green`,
      polarity: 'negative',
    },
    { re: S`experience[sd]?|inexperienced?|inexperience` },
    {
      re: S`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|many|several|your|few|more|the) years?(?:'|s')? (?:of|on|in|as|at|working|spent|post)`,
    },
    {
      re: S`(?:un|over|under|well[- ]|highly |suitably |appropriately )?qualif(?:ied|ications?)|post[- ]qualification`,
    },
    {
      re: S`background|career history|employment history|work history|level of seniority|seniority`,
    },
    {
      re: S`(?:your|a|an|the|bachelor's|master's|honours|relevant|related|unrelated) degree|degree (?:in|is|was|level)`,
    },
    {
      re: S`certif\w+|licen[cs]e[sd]?|accredit\w+|chartered|registration|pgce|qts|nvq|acca|cima|aca|cfa|cipd|cpcs|cscs|diploma|exams?`,
    },
    {
      re: S`(?:too|more|less|not|insufficiently) (?:junior|senior)|(?:junior|senior) (?:level|role|position|enough|post)|junior`,
    },
    {
      re: S`placements?|internships?|apprenticeships?|(?:previously|already|has|had|have) worked|(?:already|previously) (?:run|ran|managed|led|held|done|delivered|completed)|(?:has|have|had) (?:already |previously )?(?:run|ran|managed|led|headed)|worked for|(?:a long time|years|some time|a while|long) ago|recent (?:experience|placement|role|roles|work)|out of date|outdated|(?:budget|budgetary|line|people|management|supervisory|financial) responsibilit\w+|(?:gaps?|breaks?) in (?:your )?(?:employment|cv|career|work history)|employment gaps?|career break|exposure to|worked (?:in|as|at)|(?:time|grounding) in (?:a|an|the) (?:[\w-]+ )?(?:role|position|setting|sector|environment)`,
    },
  ],

  culture_fit: [
    { re: S`cultur(?:e|es|al|ally)` },
    {
      re: S`team[- ]?fit|fit(?:ted|ting)? in|fit(?:s|ted|ting)? (?:well )?(?:with|into|within) (?:the |our |your |a )?(?:team|culture|company|organi[sz]ation|us|ethos)|(?:fits?|fitted) (?:well )?(?:with |into )?our (?:culture|team|values|ethos|way)|fit (?:for|with|in|into) (?:a |an |the |our |your )?(?:[\w-]+ )?(?:team|culture|company|organi[sz]ation|environment|department|business|workplace)`,
    },
    {
      re: S`(?:your|our|shared|core|company|personal) values|values (?:align|match|fit)|(?:our|your|the team's|shared|same) ethos|ethos (?:of|here)`,
    },
    {
      re: S`(?:working|work) style|style of working|ways? of working|way (?:we|the team) (?:work|operate)|how (?:\w+ ){0,2}(?:the|our) team (?:works|operates)`,
    },
    {
      re: S`teamwork|team[- ]working|team spirit|team dynamics?|collaborat\w*|gel(?:led|ling)?|mesh|(?:get|got|getting) (?:on|along) (?:well )?with`,
    },
    {
      re: S`team player|(?:great|good|nice|easy) to work with|complement (?:the |our )?(?:existing )?team`,
      polarity: 'positive',
    },
    {
      re: S`work(?:ed|ing|s)? (?:well |closely |effectively )?(?:with|within|alongside|in) (?:the |our |a |your |other |others|colleagues|them|everyone)(?:[\w-]+ )?(?:team|others|colleagues|people)?`,
    },
    {
      re: S`work(?:ing)? (?:alone|independently|on your own|remotely)|remote work(?:ing)?|work(?:ing)? from home|hybrid work(?:ing)?|flexible working|prefer\w* (?:to work|working) \w+`,
    },
    {
      re: S`negative about (?:your )?(?:current|previous|former|last|old) (?:employer|manager|boss|colleagues|team|company|job)|(?:critical|criticis\w+|criticiz\w+|disparag\w+|bad[- ]?mouth\w*) (?:of |about )?(?:your )?(?:current|previous|former|last|old)`,
    },
    {
      re: S`slot(?:ted)? (?:straight |right )?in|fit right in|settle in|blend in|(?:happy|comfortable|content|fulfilled|satisfied) (?:in|with) (?:a |the |this |such a )?(?:role|job|position)`,
    },
    {
      re: S`dominat\w+|(?:give|gave|giving|let|letting|allow\w*) others (?:\w+ )?(?:space|room|a chance|to speak|to contribute)|bulldoz\w+|talk(?:ed|ing)? over (?:others|people|colleagues|the group)|(?:more|a lot of|close|constant|less) (?:direction|supervision|guidance|hand[- ]holding)|nature of the (?:work|role|job)|arrogan\w*|humble|humility|abrasive|(?:dis)?respectful|autonom\w*|micro-?manag\w*|thrive|personality|personalities|(?:behaviou?r|manner|attitude|conduct) (?:towards|to|with) (?:the )?(?:[\w-]+ )?(?:staff|colleagues|team|others|people)`,
    },
    {
      re: S`(?:fast[- ]paced|fast[- ]moving|start[- ]?up|corporate|structured|process[- ](?:driven|heavy)|agile|small|smaller|large|larger|busy|hierarchical|remote|hybrid|supportive|high[- ]pressure|warehouse|office|working|team) (?:environment|culture|setting|organi[sz]ation|company)`,
    },
    {
      re: S`suit(?:s|ed)? (?:to )?(?:a |an |our |the |your )?(?:[\w-]+,? ){0,3}(?:team|organi[sz]ation|company|environment|setting|culture|way of working)`,
    },
    {
      re: S`enjoy working with|(?:comfortable|happy|thrive|enjoy) in (?:a |our |such a |this )?(?:[\w-]+,? ){0,3}(?:environment|team|setting|culture)`,
    },
    {
      re: S`shar(?:e|es|ed|ing) our (?:\w+ )?(?:values|belief|beliefs|commitment|vision|passion|approach|ethos|mission)`,
    },
    {
      re: S`shift (?:patterns|work|working)|early starts|weekend (?:working|work|shifts)|night shifts|unsociable hours|working hours|the pace (?:of|on|in)`,
    },
  ],

  preparation_research: [
    { re: S`(?:un|under|ill[- ]|poorly )prepared|underprepared`, polarity: 'negative' },
    {
      re: S`(?:well|fully|thoroughly|very|clearly|obviously)[- ]prepared|(?:came|come|arrived) (?:\w+ )?prepared`,
      polarity: 'positive',
    },
    { re: S`prepared`, polarity: 'positive' },
    { re: S`prepar(?:e|es|ing|ation)` },
    { re: S`research\w*` },
    { re: S`well[- ]researched|done your homework|did your homework`, polarity: 'positive' },
    { re: S`homework|read up on|(?:better |well |poorly |un|ill[- ])?informed (?:about|on)` },
    {
      re: S`(?:read|looked at|studied|reviewed|understood|familiari[sz]ed yourself with) (?:the |our )?(?:job description|person spec\w*|job spec\w*|role profile|job advert|advert)`,
    },
    {
      re: S`(?:look|looked|looking|looks) (?:at|into) (?:our|the) (?:services|products|website|annual report|company|organi[sz]ation|business|school|trust|history|values|mission|strategy|clients|brand|range|offer\w*|accounts|results)`,
    },
    { re: S`(?:knowledge|understanding|grasp|awareness) (?:of|about) ${EMPLOYER}(?![\w-])` },
    {
      re: S`(?:know|knew|knowing|learn|learned|learnt|find out|found out|read) (?:\w+ ){0,2}about (?:us|our|the (?:company|organi[sz]ation|business|school|trust|role|firm|team|position|hospital|charity))`,
    },
    {
      re: S`who our (?:main |key |biggest |major )?(?:clients|customers|competitors|users|patients|partners) (?:are|were)|(?:name|identify|list) (?:any |one |some )?(?:of )?our (?:competitors|products|clients|services|values)`,
    },
    {
      re: S`our (?:latest |recent |annual |financial |quarterly |half-year |full-year )+(?:results|figures|reports?|accounts|performance)|our (?:website|annual report|latest results|recent (?:[\w-]+ )?(?:campaigns?|acquisition|results|news|announcements?|merger|expansion|launch))`,
    },
    {
      re: S`(?:look|looked|looking|read|reading|review\w*|check\w*|explor\w*|research\w*|studied|seen|watched|visited|know|knew|understand|understood|heard of|familiar with) (?:at |into |up on |through |about )?(?:\w+ ){0,2}(?:our|the company's|the organi[sz]ation's) (?:[\w-]+ )?(?:campaigns?|website|products?|services|reports?|results|accounts|news|announcements?|strategy|plans?|stores?|brand|social media|app|menu|range|history|values|mission|clients|customers|business|company|organi[sz]ation|competitors|markets?|work)`,
    },
    {
      re: S`(?:first|initial) (?:\d+|thirty|sixty|ninety|three|six|few) (?:days|weeks|months)|30[- ]60[- ]90|who we (?:are|were)|what we (?:do|did|are about|stand for)|what we're about|(?:arrived|were|was|turned up|came) late|(?:brought|bring|bringing) (?:the |your |any )?(?:documents|paperwork|id|identification|portfolio|certificates|references)|(?:gave|give|given|giving) (?:\w+ )?thought to|scope of the (?:role|job|position|post)|(?:understand|understood|understanding|grasp|grasped)\w* (?:\w+ ){0,2}(?:the|this) (?:role|job|position|post)(?! (?:of|as|at|for))|(?:link|linked|linking|relate|related|relating|connect|connected|connecting|tie|tied|tying|align|aligned|aligning) (?:[\w-]+ ){0,3}(?:to|with) our (?:strategy|vision|plans|priorities|objectives|goals|values|mission)`,
    },
    {
      re: S`(?:challenges|issues|trends|pressures|changes) (?:facing|in|affecting|across) (?:the|our) (?:sector|industry|market|business|company|organi[sz]ation|school|trust|nhs|profession)`,
    },
    {
      re: S`what the (?:role|job|position) (?:involves|entails|requires)|understanding of the role|(?:in|from|on|against) the (?:job description|person spec\w*|job spec\w*|advert)`,
    },
    {
      re: S`familiar\w* with (?:our|the) (?:company|organi[sz]ation|products|services|business|school|mission|brand|clients|website|work|values|team)|familiari[sz]ed yourself`,
    },
    {
      re: S`visited (?:one of )?our (?:stores?|shops?|branch(?:es)?|sites?|website|restaurants?|premises|ward|school)`,
    },
  ],

  examples_evidence: [
    { re: S`examples?` },
    { re: S`STAR`, caseSensitive: true },
    { re: S`star (?:method|technique|format|framework|model|structure|approach)` },
    {
      re: S`evidenc\w*|illustrat\w*|anecdot\w*|(?<!(?:client|investment|property|product|brand) )portfolio(?! of (?:clients|products|brands|services|properties))|track record|case studies`,
    },
    {
      re: S`specifics|specific (?:instances?|situations?|details?|achievements?|results?|outcomes?|cases?|times?)|concrete`,
    },
    { re: S`hypothetical\w*|generic|vague\w*|theoretical`, polarity: 'negative' },
    {
      re: S`(?:too|rather|quite|very|a bit|fairly|overly) general|general (?:answers?|responses?|terms)|(?:answers?|responses?) (?:were|was) (?:\w+ )?(?:general|abstract)`,
    },
    {
      re: S`real[- ](?:life|world)|(?:real|actual|specific|past|previous) (?:situations?|cases?|events?)|a (?:time|situation|case|occasion) (?:when|where|you)`,
    },
    {
      re: S`(?:answers?|responses?) (?:was|were|felt|seemed) (?:\w+ ){0,3}(?:thin|light on detail|lacking in detail|superficial|high[- ]level)|supporting (?:data|evidence|figures|numbers)|(?:data|numbers|figures|evidence) to (?:back|support)|back(?:ed|ing)? (?:it |this |them |that |these |your \w+ )?up|outcomes? of your|(?:explain|mention|share|describe|give|quantify|include|talk about)\w* (?:the |any |your )?(?:results?|outcomes?|impact)`,
    },
    {
      re: S`quantif\w*|measurable|metrics|(?:your|measurable|tangible|concrete|important|specific|clear|real|key|achieved|quantifiable|business) results?|results (?:you|you've|you have|achieved)|achievements?|accomplishments?|(?:your|the) (?:[\w-]+ )?impact|(?:your|measurable|clear|positive|specific|achieved) outcomes?`,
    },
    {
      re: S`what you (?:personally |actually |yourself |specifically )?(?:did|contributed|achieved|delivered)|you personally|(?:your|you) (?:own |personal |individual |specific )?(?:contribution|role in|involvement|part in)|light on (?:data|detail|details|examples|evidence|specifics|numbers|facts|substance)|(?:essential|desirable|selection|job|role|shortlisting) criteria|specific (?:about|on|in)|(?:sales|performance) (?:figures|numbers|results)|(?:your|hitting|met|meeting|exceeded|exceeding) (?:sales )?(?:targets|kpis)`,
    },
    {
      re: S`(?:more|enough|sufficient|greater|further|little|less|in|lacked|lacking|no|some|specific) detail(?:ed|s)?(?! (?:on file|to hand))|detailed (?:examples?|answers?|responses?|account|evidence)|detail (?:on|about) (?:how|what|your|the)`,
    },
  ],

  motivation_enthusiasm: [
    { re: S`motivat\w*` },
    {
      re: S`enthusiastic(?:ally)?|passionate(?:ly)?|eager(?:ly|ness)?|keen(?:ness)?|energetic|excited`,
      polarity: 'positive',
    },
    {
      re: S`enthusias\w*|passion\w*|energy|excitement|drive to|hunger|hungry|ambitio\w*|desire to|(?<!-)driven|spark`,
    },
    {
      re: S`(?:un|dis)interested|(?:un|de)motivated|lukewarm|half[- ]hearted|indifferen\w+|ambivalen\w+|(?:lose|lost|losing) interest|apath\w+|lacklust(?:re|er)|bored|boredom|disengaged|(?<!-)flat(?! (?:structure|hierarchy|organi))`,
      polarity: 'negative',
    },
    {
      re: S`engaged(?! (?:\w+ )?(?:with )?(?:the |your |an |each |all )?(?:whole )?(?:panel|audience|interviewers?|customers?|patients?|room|group|class|pupils|children|students|learners|residents))|engagement`,
      polarity: 'positive',
    },
    { re: S`enjoy(?:ing)? (?:the |this )?(?:[\w-]+ ){0,4}(?:work|role|job|tasks)` },
    { re: S`care(?:s|d)? (?:deeply |a lot |so much )?about|(?:genuine|real) care`, polarity: 'positive' },
    {
      re: S`(?:focused|interested|fixated) on (?:progression|promotion|pay|salary|money|moving up)|progression|promotion`,
    },
    {
      re: S`(?:want|wanted|wanting|looking for|after|seeking)\w* (?:a |an )?(?:more senior|bigger|different|higher|more (?:\w+ )?) (?:role|position|job)|challenged enough|(?:leave|move on) (?:quickly|soon|early)|flight risk|stop[- ]?gap|stepping[- ]stone|not your first choice|applying for (?:lots|many|a lot) of`,
      polarity: 'negative',
    },
    {
      re: S`(?:genuine(?:ly)?|real|strong|keen|obvious|clear|little|much|lack of|no|any|your|great|more|less) interest(?:ed)?|interest(?:ed)? in (?:the |this |our |working|joining|a career|the sector|\w+ing)|showed (?:real |genuine )?interest`,
    },
    {
      re: S`commit(?:ted|ment)|attitude|willing(?:ness)? to learn|keen to (?:learn|progress|develop)|eager to (?:learn|progress|develop)`,
    },
    {
      re: S`why (?:our|this) (?:company|organi[sz]ation|firm|role|job|school|trust|team|business|charity|sector)|why us|why here|career (?:goals|aspirations|plans|ambitions|direction)|where you (?:want|see yourself)|why you (?:want(?:ed)?|chose|applied|are applying|were applying|would like|wish|were interested)|(?:reasons?|motivation) for (?:applying|leaving|wanting|moving|choosing|joining)|what (?:attracted|drew|draws|attracts) you`,
    },
    {
      re: S`(?:want(?:ed)?|wanting) (?:the|this) (?:job|role|position)|want(?:ed)? to (?:work|join) (?:here|for|with|us|at)|want to build|(?:long[- ]term|lasting) (?:career|future|commitment|plans?|goals?)|stay(?:ing)? (?:in (?:the|this) (?:role|job|position)|with us|long[- ]term)|long[- ]term`,
    },
  ],

  questions_asked: [
    { re: S`questions? (?:you |that you )?(?:asked|raised|posed|put to us|had for us)` },
    {
      re: S`your (?:own )?questions|(?:questions?|question or two) (?:for (?:us|the panel|the interviewers?|me)|at the end|to ask|ready|prepared|you had)|question or two`,
    },
    {
      re: S`(?<!(?:we|they|panel|i|interviewer|interviewers|manager|who) )(?:asked|ask|asking|raised|raise|posed|pose) (?:us |the panel |the interviewers? )?(?:[\w-]+ ){0,3}questions?`,
    },
    {
      re: S`you (?:\w+ ){0,2}asked (?:us |the panel )?(?:about|how|what|why|whether|if)|ask(?:ed|ing)? (?:us )?about (?:the|our|how|what|why)`,
    },
    {
      re: S`(?:had|have|having) (?:no|any|some|a few|a couple of|several|many|good|great|your own|more) questions|(?:invited|invite|invites) questions|(?:opportunity|chance) to ask|ask(?:ed)? (?:us |the panel |the interviewers? )?(?:anything|nothing|much)`,
    },
  ],

  leadership: [
    { re: S`leader\w*` },
    {
      re: S`lead(?:s|ing)? (?:and \w+ )?(?:a |an |the |your |their |our |his |her )?(?:[\w-]+ )?(?:teams?|people|staff|others|projects?|change|departments?|meetings?|initiatives?|shifts?|groups?|units?|wards?|stores?|sites?|colleagues|reviews?|by example|a department|the way)`,
    },
    {
      re: S`led (?:\w+ ){0,2}(?:teams?|people|staff|others|projects?|change|departments?|groups?|shifts?|units?|wards?|stores?|initiatives?|a team)`,
    },
    { re: S`(?:took|take|taking|takes) the lead|ownership`, polarity: 'positive' },
    {
      re: S`(?:run|ran|running|runs) (?:a|the|their|your|his|her) (?:[\w-]+ )?(?:department|team|ward|store|unit|shift|branch|site|kitchen|section|office|service|business|operation|project|programme|program)`,
    },
    {
      re: S`(?:charge nurse|ward manager|shift lead(?:er)?|head of department|store manager|duty manager|site manager|line manager|supervisor|deputy manager|assistant manager) (?:role|position|post|job)|lead role|lead on|team lead(?:er)?|lead position|(?:management|leadership|supervisory|team leader|lead|managerial) (?:role|position|post|responsibilities)|vision for (?:the|your|a|our) (?:team|department|service|unit|school|ward|store|business|function|site)`,
    },
    {
      re: S`manag(?:e|ed|es|ing) (?:\w+ ){0,2}(?:teams?|people|staff|others|direct reports|former peers|peers|colleagues|employees|volunteers|carers|assistants|nurses|teachers|agents|drivers|pickers|operatives)`,
    },
    {
      re: S`(?:people|line|team|staff|performance|middle|senior) management|management (?:skills|experience|responsibilit\w+|style|role|position|abilit\w+|potential)|managerial|supervis\w+|mentor\w*`,
    },
    {
      re: S`coach(?:ed|ing|es)? (?:a |an |the |your |their |other )?(?:[\w-]+ )?(?:colleagues?|team|staff|others|people|juniors?|members|reports|trainees|apprentices|nurses|teachers|peers)`,
    },
    {
      re: S`delegat\w+|(?:take|took|taking|show|showed|showing|use|used) (?:the |more |real |your )?initiative|step(?:ped|ping|s)? up|(?:set|setting|sets) (?:the )?direction|strategic\w*|direct reports|head of`,
    },
    {
      re: S`(?:motivate|motivating|develop|developing|inspire|inspiring|support|supporting|manage|managing) (?:and (?:\w+ ) )?(?:others|staff|people|your team|the team|a team|teams|colleagues)`,
    },
    {
      re: S`difficult conversations|under[- ]?perform\w*|hold (?:people|others|staff|them) to account|morale|(?:coordinate|coordinated|coordinating|organised|organized) the (?:group|team)`,
    },
  ],

  salary_expectations: [
    { re: S`salar(?:y|ies)|wages?|compensation|remuneration|financial expectations|money` },
    { re: S`pay(?! (?:close )?attention)(?:ing)?|paid` },
    { re: S`(?:the |your |salary |pay |benefits |remuneration |compensation |overall )package` },
    {
      re: S`(?:day|hourly|daily|contract|day's) rate|rate (?:of pay|you (?:quoted|asked|requested|were looking))`,
    },
    {
      re: S`(?:pay|salary|grade) (?:band|range|scale|bracket)|(?:top|bottom|middle|upper|lower) (?:end )?of (?:the|our) (?:band|range|scale|budget)`,
    },
    {
      re: S`(?:above|within|outside|beyond|over|exceed\w*|in line with|match(?:ed)?|meet|fit) (?:the |our |your )?(?:salary |pay )?(?:budget|band|range)|(?:band|budget) for (?:this|the) (?:role|position|post|job)`,
    },
    {
      re: S`(?:expected|required|desired|asking|requested) (?:salary|pay|rate)|(?:the )?figure you (?:mentioned|quoted|gave|asked for|requested)`,
    },
  ],

  competition: [
    {
      re: S`(?:other|another|stronger|more suitable|more experienced|more qualified|better[- ]qualified|preferred|successful|selected|chosen|appointed|winning|internal|shortlisted|final) (?:[\w-]+ )?(?:candidates?|applicants?|finalists?|interviewees?)(?:'s|')?`,
    },
    {
      re: S`(?:candidates?|applicants?) (?:who|that|with|whose) (?:had|has|have|were|was|showed|demonstrated|could|more|better|closer|stronger|already|direct|greater|is|are|holds?|brought|offered)`,
    },
    {
      re: S`(?:the )?(?:person|individual|one|candidate|applicant)s? (?:we|that we|who we) (?:have |had |eventually |ultimately )?(?:hired|appointed|selected|chose|chosen|offered|took forward|went with|moved forward with|recruited)`,
    },
    {
      re: S`(?:go|went|gone|going|proceed\w*|mov\w+ forward|progress\w*|continu\w+|take|took|taking) (?:forward )?with (?:another|other|a different|the other|someone|somebody|candidates|applicants|a candidate|an applicant|an alternative)`,
    },
    {
      re: S`candidates? (?:that |who )?we (?:moved|are moving|have moved|decided to move|will move|went|have gone|took|are taking|have taken) forward`,
    },
    {
      re: S`(?:offered|given|awarded) the (?:role|position|job|post|contract) to|(?:chosen|selected|appointed|hired|chose|picked|recruited) (?:another|someone|somebody|a different|other|an? (?:[\w-]+ )?(?:candidate|applicant))`,
    },
    {
      re: S`(?:strong|competitive|large|high|huge|big|great|fantastic|tremendous|massive|significant|exceptional|talented|excellent|high[- ]calibre|high[- ]caliber|impressive|overwhelming|record|unprecedented|deep|crowded) (?:(?:candidate|applicant) )?(?:field|pool|number|volume|calibre|caliber|quality|turnout|response|shortlist)(?! of (?:your|the) (?:answers|work))`,
    },
    {
      re: S`(?:many|several|numerous|(?:a|the) (?:large |high |great |huge |sheer )?number of|lots of|hundreds of|dozens of|over \d[\d,]*|more than \d[\d,]*|\d[\d,]*|a lot of) (?:other |very |highly |extremely |exceptionally )?(?:strong |excellent |qualified |talented |high[- ]calibre |outstanding |exceptional |good |experienced |impressive |well[- ]qualified |suitable )?(?:candidates|applicants|applications|interviewees|people applied)`,
    },
    { re: S`competiti\w+` },
    {
      re: S`(?:volume|number|quantity) of (?:applications|applicants|candidates|responses|cvs)|the (?:person|candidate|applicant|individual) (?:appointed|selected|chosen|hired|recruited)|(?:strength|calibre|caliber|quality|depth|size) of (?:the |our )?(?:candidate |applicant )?(?:pool|field|shortlist|candidates|applicants|applications)|(?:the other|another) (?:person|individual)|(?:people|others) (?:apply|applied|applying)|(?:shortlist|field|pool|calibre|caliber|standard|competition|quality of (?:the )?(?:candidates|applicants|applications)) (?:was|were|is|has been) (?:\w+ )?(?:strong|high|competitive|exceptional|excellent|impressive|tough|fierce|stiff)|all (?:of )?the (?:other )?(?:candidates|applicants|finalists|interviewees) (?:were|was|are) (?:\w+ )?(?:strong|excellent|good|impressive|qualified|talented|high)|(?:shortlisting|selection|choosing|deciding|the decision|the choice) was (?:very |extremely |incredibly |really )?(?:difficult|hard|tough|challenging|close)|came (?:very |so )?close|came down to|close second|runner[- ]up|narrowly|pipped|(?:small|fine|narrow|slim) margin|(?:very |extremely )?close (?:call|decision|contest|race)|between you and (?:another|one other|the other|the successful|two|\w+ other)`,
    },
    {
      re: S`others (?:stood out|were stronger|performed better|scored higher|had more|did better)|(?:than|compared (?:with|to)|against) (?:the )?other (?:[\w-]+ )?(?:candidates|applicants|people|interviewees)|closer match|better match|(?:more closely|better|closer) (?:matched|matches|aligned|aligns)`,
    },
  ],
};

/** Praise of the seeker that names no single theme ("you interviewed really well"). */
export const PRAISE_CUES: CueRule[] = [
  {
    re: S`your (?:warmth|kindness|compassion|empathy|professionalism|positivity|honesty|integrity|maturity|calmness|resilience|humou?r|personality|candou?r|sincerity)`,
  },
  { re: S`impress(?:ed|ive|ively)`, polarity: 'positive' },
  {
    re: S`(?:very |really |extremely |exceptionally )?(?:strong|excellent|great|outstanding|exceptional|fantastic|impressive|brilliant|superb|very good|good|solid) (?:candidate|interview|interviewee|performance|application|applicant|impression|showing|all-rounder)(?![\w'])(?! (?:pool|field|base|list|numbers|volume))`,
    polarity: 'positive',
  },
  {
    re: S`interviewed (?:very |really |extremely )?(?:well|strongly)|(?:did|performed|presented) (?:very |really |extremely |so )?(?:well|strongly)`,
    polarity: 'positive',
  },
  {
    re: S`well done|spoke (?:very )?highly|(?:be|feel) proud|should be pleased|close second|runner[- ]up|credit to`,
    polarity: 'positive',
  },
  {
    re: S`(?:lot of|lots of|real|great|huge|clear|strong|much|bags of|plenty of|so much) potential|potential to`,
    polarity: 'positive',
  },
  {
    re: S`(?:really |very much |all )?liked you|(?:you|your \w+) (?:really )?(?:stood out|shone)|came across (?:very |really )?(?:well|strongly|positively)`,
    polarity: 'positive',
  },
  {
    re: S`(?:liked|loved|admired|enjoyed|valued|appreciated) (?:your|how you|the way you)(?! (?:time|patience|interest|application|company|understanding|attendance|flexibility on))`,
    polarity: 'positive',
  },
  {
    re: S`(?:strong|excellent|great|good|thoughtful|insightful|impressive|considered|intelligent|well[- ]thought[- ]out|articulate) (?:answers|responses|ideas|interview answers)`,
    polarity: 'positive',
  },
  {
    re: S`(?:you were|you are|you're|you came across as|found you|you seemed|you struck us as|struck us as) (?:to be )?(?:a |an )?(?:very |really |extremely |so |incredibly |genuinely |clearly )?(?:personable|likeable|likable|friendly|warm|professional|polished|impressive|strong|excellent|great|capable|bright|talented|knowledgeable|engaging|pleasant|approachable|genuine|credible|thoughtful|well[- ]presented|honest|open|calm|composed|positive|organi[sz]ed|reliable|mature|sincere|authentic|charming|lovely|delightful|kind|caring|compassionate|hard[- ]working|committed|driven|articulate|confident)`,
    polarity: 'positive',
  },
  {
    re: S`(?:your|the) (?:[\w-]+ ){0,2}(?:cv|resume|cover letter|application|application form|portfolio|interview|performance|presentation|answers?|responses?|test|assessment|case study|report|plan|proposal|task|exercise|session|lesson|work sample|business case|references?)s? (?:is|was|were|are) (?:very |really |extremely |particularly |genuinely |incredibly )?(?:strong|excellent|impressive|great|good|outstanding|fantastic|very good|superb|first[- ]class|exceptional|well[- ]\w+|thorough|thoughtful|polished|creative|engaging|lively|clear|brilliant)`,
    polarity: 'positive',
  },
  {
    re: S`(?:feedback|impressions?|comments?) (?:[\w-]+ ){0,4}(?:was|were|is|are) (?:largely |very |really |mostly |overwhelmingly |generally |extremely |broadly |overall )?(?:positive|good|great|excellent|glowing|favourable|favorable|complimentary)`,
    polarity: 'positive',
  },
  {
    re: S`(?:a |your )(?:very )?(?:strong|excellent|impressive|great) (?:cv|resume|application|background|track record|portfolio|profile)|went (?:very |really |extremely |so )?well|resonat\w+|came (?:very |so )?close|which we (?:really |very much |all )?(?:appreciated|liked|valued|admired)|one of the (?:best|strongest|most impressive)|(?:warmed|took) to you|clicked with you`,
    polarity: 'positive',
  },
  {
    re: S`(?:scored|rated) (?:very )?(?:highly|well)|high(?:ly)? (?:scor|rat)\w+|top (?:candidate|performer|scorer)`,
    polarity: 'positive',
  },
];

export interface Exclusion {
  themes: readonly FeedbackTheme[] | 'all';
  re: string;
  caseSensitive?: boolean;
}

/** Phrases that look like a cue but are not feedback on the seeker; a cue inside one is dropped. */
export const EXCLUSIONS: Exclusion[] = [
  // Template courtesy: "future openings that match your skills and experience", "not a reflection of your
  // abilities" are about the vacancy or the rejection, not feedback on a theme.
  {
    themes: 'all',
    re: S`(?:roles?|positions?|openings?|opportunit(?:y|ies)|vacanc(?:y|ies)|jobs?|posts?) (?:that |which |where )?(?:may |might |could |would |better |more closely |closely |best )*(?:match|matches|suit|suits|fit|fits|aligns? with|(?:is|are) (?:better |well )?suited to|(?:is|are) a (?:better|good|closer) (?:fit|match) for) (?:your|the) (?:(?:skills?|skill set|skillset|experience|qualifications|background|interests|profile|expertise|career goals)(?:,? (?:and |or )?)?){1,3}`,
  },
  {
    themes: 'all',
    re: S`(?:appreciat\w*|grateful for) (?:you |your )?(?:taking |giving |spending )?(?:the |your )?time(?: (?:to|you) \w+)?(?: (?:on |for )?(?:the |your |our |this )?(?:[\w-]+ ){0,3}(?:assignment|task|test|exercise|interview|application|process|assessment|presentation))?|(?:thank|thanks)(?: you)?(?: \w+){0,4} for (?:the |your |all (?:the |your )?)?(?:time|effort|work|patience|interest|energy|hard work)(?: (?:and|&) (?:\w+ )?(?:time|effort|energy|interest))?(?: (?:that )?you (?:have )?(?:put|invested|spent|gave|dedicated|devoted))?(?: (?:into|on|in|to) (?:the |your |our )?(?:[\w-]+ ){0,3}(?:assignment|task|test|exercise|interview|application|process|assessment|presentation|case study))?`,
  },
  {
    themes: 'all',
    re: S`(?:reflection|judgement|judgment|comment|verdict|statement) (?:of|on|about) (?:your|the) (?:\w+ )?(?:skills?|abilit(?:y|ies)|experience|qualifications|talents?|potential|worth|capabilit(?:y|ies)|background)`,
  },
  // A job title names the vacancy, not the seeker's skills: "the Java Developer, Junior role".
  {
    themes: 'all',
    caseSensitive: true,
    re: S`(?:[Ff]or|[Tt]o|[Oo]f|[Aa]s|[Ii]n) (?:the|our|this|a|an) (?:[A-Z][\w+#./&-]*,? (?:[a-z]{1,3} )?){1,6}(?:role|position|post|vacancy|job|opening|opportunity|team|programme|program)`,
  },
  {
    themes: ['experience'],
    re: S`(?:highly|well|very|exceptionally|extremely|equally|similarly|suitably) (?:qualified|experienced) (?:candidates|applicants|people|individuals|professionals)|experience (?:of|with) (?:our|the|this) (?:recruitment|interview|application|selection|hiring|assessment)(?: process| day)?|(?:candidate|recruitment|interview|application) experience|(?:a|an|the) (?:positive|good|great|pleasant|enjoyable|nice|rewarding|valuable|learning) experience|newly[- ]qualified|background checks?|(?:a|some|high|certain|great|large|varying) degree of|to (?:a|some|what) degree|experienced (?:a|an|some|high|delays|technical)`,
  },
  {
    themes: ['questions_asked'],
    re: S`if you (?:have|had|do have) (?:any )?(?:further |other |more )?questions|questions (?:about|regarding|on|concerning) (?:this|the|our) (?:feedback|decision|process|email|letter|outcome)|any (?:further )?questions,? (?:please|do|feel)`,
  },
  {
    themes: ['motivation_enthusiasm'],
    re: S`thank(?:s| you)(?: again| so much| very much)? for (?:your|the) (?:interest|enthusiasm)|(?:we|i)(?: are|'re| am|'m| would be| remain| were) keen|exciting (?:role|opportunity|opportunities|position|time|company|career)|energy (?:sector|company|industry|bills)|(?:motivat\w+|inspir\w+) (?:and \w+ )?(?:your |the |a |his |her |their )?(?:others|staff|people|team|colleagues|reports|employees)`,
  },
  {
    themes: ['communication'],
    re: S`(?:don't|do not|never|didn't|did not) hesitate|(?:we|i)(?: are|'re| am|'m| were| was| remain| feel| felt)?(?: not|n't)? (?:\w+ )?confident|spoke (?:very )?highly|in communication with|(?:will|shall) communicate|communicate (?:the|our|a) decision`,
  },
  {
    themes: ['examples_evidence'],
    re: S`questions (?:\w+ )?(?:were|was|felt|seemed) (?:\w+ )?(?:generic|vague|general)|(?:lead|leading|led|leads) by example|for example|for instance|e\.g|general feedback|outcome of (?:your|the|this) (?:application|interview|process)|set an example`,
  },
  {
    themes: ['preparation_research'],
    re: S`prepar\w* (?:(?:a few|some|any|several|your own|more|good|a couple of|one or two|two or three|a question or two|\w+) )?questions|questions? (?:\w+ )?prepared|prepared to (?!answer)|research (?:role|scientist|assistant|project|experience|background|skills|methods|papers?|posts?|position|degree)`,
  },
  {
    themes: ['leadership'],
    re: S`(?:market|industry|thought|world|global|sector) leaders?|leading (?:provider|company|brand|retailer|supplier|organi[sz]ation|firm|employer|charity|light)|lead times?`,
  },
  {
    themes: ['technical_skills'],
    re: S`clinical (?:placements?|experience|background|settings?|roles?|areas?)|star (?:technique|method)s?|(?:non|less)[- ]technical|technical (?:difficulties|issues|problems) (?:with|on) (?:the|our) (?:call|video|line|link)`,
  },
  {
    themes: ['culture_fit'],
    re: S`(?:review|read|research|look(?:ed|ing)? (?:at|into)|knowledge of|know|learn|familiari[sz]e|understand)\w* (?:about )?(?:\w+ ){0,2}values`,
  },
  {
    themes: ['competition'],
    re: S`(?:looking for|seeking|need(?:ed)?|want(?:ed)?|requir(?:e|es|ed)|hoping for|hoped for|prefer(?:red)?) (?:a|an|the) (?:\w+ )?(?:candidate|applicant|person|someone)`,
  },
  { themes: ['competition'], re: S`competitive (?:salary|pay|package|rate|rates|benefits)|competition law` },
  { themes: ['salary_expectations'], re: S`pay (?:a )?visit|paid (?:off|attention)` },
  {
    themes: ['positive'],
    re: S`(?:\w+'d|would|should|could) (?:have )?liked you|impressed (?:by|with) (?:the )?(?:quality|calibre|caliber|standard|number|strength|range) of|(?:all|other|the other) (?:candidates|applicants) (?:were|was) (?:\w+ )?impressive`,
  },
];

/**
 * A sentence that only describes the job ("The role will involve managing the stock room") names no
 * theme of the seeker's, unless it talks to or about them.
 */
export const ROLE_DESCRIPTION = S`^(?:the|this) (?:role|position|job|post|vacancy) (?:will |would |also )?(?:involves?|includes?|requires?|be|is|entails?|covers?)\b`;
export const ABOUT_THE_SEEKER = S`\b(?:you|your|yours|yourself|candidate|applicant)\b`;

export type EvidenceKind =
  /** A word or phrase that says good or bad and that a preceding "not" reverses. */
  | 'polar'
  /** Says good or bad whatever comes before it ("exactly what we need", "a missed opportunity"). */
  | 'fixed'
  /** Advice or doubt ("would have liked", "next time", "we weren't sure"): the clause is a development area. */
  | 'advice'
  /** Reverses the polar words after it; on its own, a sign of something missing ("no questions"). */
  | 'negator'
  /** "more"/"less": reverses the word right after it ("more concise" is advice); on its own, a weak minus. */
  | 'comparative'
  /** Consumed and ignored ("as well as", "not only", "more than"). */
  | 'neutral';

export interface EvidenceRule {
  re: string;
  kind: EvidenceKind;
  polarity?: Polarity;
  /** Advice that reaches only what follows it ("we'd encourage you to …"). */
  forward?: boolean;
}

/** In order: a later match overlapping an earlier one is ignored. */
export const EVIDENCE_RULES: EvidenceRule[] = [
  // Phrases that would otherwise be read word by word the wrong way.
  {
    kind: 'neutral',
    re: S`right (?:now|away|time|moment)|all right|as well as|as well|not only|more than (?:that|this|one|\d[\d,]*|\w+ (?:applicants|candidates|people))|more about (?:you|yourself)|any more|once more|learning more|find out more|hear more from|well[- ]being|hard[- ]working|hard work|worked (?:very |really )?hard`,
  },
  {
    kind: 'fixed',
    polarity: 'positive',
    re: S`(?:exactly|just|precisely) what we|no (?:\w+ )?doubts?|without (?:a )?doubt|(?:no|without) (?:real |major |any )?(?:concerns?|issues?|problems?|reservations?)|not (?:a|an) (?:issue|problem|concern|factor)|should (?:be|feel) (?:proud|pleased|happy)|more than (?:enough|capable|sufficient|qualified|able)|(?:better|stronger) than (?:most|many|expected|average)|spot on|second to none|above and beyond|exceeded (?:our |all |the |my )?expectations`,
  },
  {
    kind: 'fixed',
    polarity: 'negative',
    re: S`missed (?:an |the )?opportunit\w+|(?:get|getting|got) up to speed|learning curve|a lot of (?:support|training|guidance|help)|counted against|against you|sticking point|let (?:you|yourself) down|fell (?:down|short|below|apart)|(?:higher|more|greater|bigger) than (?:the|our|we|what|expected|budget)|weaker than|not (?:quite )?(?:up to|at) the (?:level|standard)|(?:better|more|best) suited to|rather than|instead of|took a lot of|a lot of prompting`,
  },
  // Doubt and advice: the clause describes something to work on, whatever adjectives it contains.
  {
    kind: 'advice',
    re: S`would have (?:liked|been (?:good|great|nice|helpful|useful|better|beneficial|stronger|ideal)|helped|strengthened|benefited|preferred|expected|wanted|landed|shown|made)|(?:we'd|we would|i'd|i would|'d) (?:have )?liked|would like to (?:have )?(?:seen|see|hear|heard) more|(?:wanted|needed|hoped|expected) to (?:see|hear) more`,
  },
  {
    kind: 'advice',
    forward: true,
    re: S`(?:were|are|was) looking for|were hoping (?:for|to)|(?:the )?(?:best|only|quickest|surest) way to|(?:you|we) could (?!not|n't|see|tell|only|hear|sense|feel)\w+|try (?:to|and)|(?:work|focus|concentrate) on|brush(?:ing)? up|(?:we |i )?(?:recommend|suggest|advise|encourage)\w*|make sure|think about|(?:take|spend) (?:some )?time (?:to|on)|benefit from|(?:improving|developing|strengthening) (?:your|this|on)|consider\w*`,
  },
  {
    kind: 'advice',
    re: S`could (?:have|do with|benefit|be (?:more|better|clearer|stronger|improved|developed|worth))|should (?:have|try|work|focus|look|prepare|consider|aim|practi[cs]e|think)|you should|need(?:s|ed)? (?:to|more|some|further)|needs? (?:work|improvement|improving|strengthening|developing|development|attention|polishing)|ought to|must (?:work|improve|be|try)`,
  },
  {
    kind: 'advice',
    re: S`improve|improving|(?:more )?practi[cs](?:e|ing)|next time|(?:in|for) (?:the )?future(?! (?:roles?|vacancies|positions|opportunities|openings|jobs))|going forward|before your next|(?:would|could|might|may|will) (?:help|benefit|be worth|want to|wish to|consider|leave|show|make a|give you)|(?:be|is|it's) worth|worth (?:\w+ing)|ideally|room for (?:improvement|development|growth)|areas? (?:for|of|to) (?:development|improvement|develop|improve|work on)|(?:an|one) area|expected (?:you|more|to see|a)|(?:need|needs|try|work|want|aim) to (?:improve|develop|strengthen|work on)|improvement|needs? (?:someone|a candidate|a person|an? \w+ with)`,
  },
  {
    kind: 'advice',
    re: S`(?:not|n't|wasn't|weren't|were not|was not|are not|aren't) (?:\w+ )?(?:sure|convinced|certain|persuaded)|unsure|unconvinced|uncertain|wondered (?:whether|if|how)|(?:some |a few |slight |real )?(?:doubts?|reservations?)|doubted|concerns? (?:about|over|that|around|regarding)|(?:raised|had) (?:some )?concerns?|(?:were|was|are|am) concerned|worr(?:y|ied|ies)|question(?:ed)? (?:whether|your|if)|(?:not|n't) (?:\w+ )?(?:clear|obvious|evident|apparent) (?:that|whether|how|why|what|if)|(?:might|may) (?:find it|struggle|not)|made us question|hard to (?:tell|gauge|judge|assess|know|see|say)|(?:gave|give) the impression|felt (?:rehearsed|scripted)`,
  },
  // Negators.
  {
    kind: 'negator',
    re: S`[a-z]+n't|not|never|no|none|nobody|no one|nothing|neither|nor|without|lack(?:ed|s|ing)?|lack of|cannot|(?:unable|failed|fail|fails|failing|struggled|struggles|struggle|struggling|difficult|hard) to|(?:struggled|struggles|struggle|struggling) with|struggled|(?<!a )(?:little|few)(?! (?:more|bit))|hardly|barely|rarely|seldom|absence of|missing|short of|limited`,
  },
  { kind: 'comparative', re: S`more|less|a (?:little|bit) more|slightly more|much more|far more|even more` },
  // Words.
  {
    kind: 'polar',
    polarity: 'positive',
    re: S`strong(?:ly|est)?|great(?:ly)?|excellent|good|well|impress\w*|outstanding|exceptional(?:ly)?|superb|fantastic|brilliant|solid|thorough(?:ly)?|clear(?:ly)?|confident(?:ly)?|insightful|thoughtful(?:ly)?|compelling|convincing(?:ly)?|relevant|evident(?:ly)?|obvious(?:ly)?|loved|liked|enjoyed|appreciated|exemplary|exactly|perfect(?:ly)?|real|right|complement\w*|careful(?:ly)?|nice|neat(?:ly)?|effective(?:ly)?|efficient(?:ly)?|safe(?:ly)?|sensible|reasonable|reasonably|match(?:ed|es)?|fits?|fitted|suit(?:s|ed)?|(?:an|the|real|competitive|slight) edge|asset|strengths?|highly|capable|competent|keen|eager\w*|engag(?:ed|ing)|persuasive|articulate|polished|professional(?:ly)?|friendly|personable|knowledgeable|skil(?:l)?ful(?:ly)?|skilled|detailed|deep|depth|accurate(?:ly)?|quick(?:ly)?|fluent(?:ly)?|calm(?:ly)?|warm(?:ly)?|reassuring|respectful|respected|patiently|enough|sufficient(?:ly)?|adequate(?:ly)?|able|ready|happy|comfortable|familiar|aware|informed|focused|organi[sz]ed|structured|vivid(?:ly)?|specific|measurable|natural(?:ly)?|best|positive(?:ly)?|wonderful|lovely|commendable|admirable|remarkable|pleased|proud|valuable|useful|helpful|robust|sound|smart|creative|innovative|genuine(?:ly)?|passionate(?:ly)?|enthusiastic(?:ally)?|motivated|energetic|plenty|wealth|broad|extensive|rich|aligned|align|credible|consistent(?:ly)?|simply|succinct\w*|concise\w*|shone|shine|shines|shining|stood out|came through|come through|comes through|came across well|standout|easily|confidence|spoke highly|favourabl[ey]|favorabl[ey]|flexib\w+|in line with|within (?:our|the) (?:[\w-]+ )?(?:range|budget|band|expectations)|well[- ]\w+|intelligent|tenacious|resilient|reliable|punctual|thorough|meticulous|diligent|dedicated|conscientious|caring|compassionate|empathetic|personable|likeable|likable|approachable|insight|insights|infectious|contagious|matur(?:e|ity)|honest\w*|resonat\w+|paid off|well received|stellar|top[- ]notch|terrific|lively|flawless(?:ly)?|slick|fabulous|awesome|first[- ]class|first[- ]rate|highest|top (?:marks|score|scores)|plus|bonus|really came across|came across (?:strongly|clearly|really well)|elegant(?:ly)?|clean|tidy|readable|measured|considered|(?:really |clearly |carefully |properly )?thought (?:about|through|carefully|it through)`,
  },
  {
    kind: 'polar',
    polarity: 'negative',
    re: S`weak\w*|poor(?:ly)?|unclear|vague\w*|generic|thin|shallow|superficial|gaps?|concerns?|concerning|doubts?|unable|missed|deeper|broader|wider|stronger|better|clearer|greater|mistakes?|errors?|wrong(?:ly)?|incorrect(?:ly)?|insufficient\w*|inadequate\w*|too|below|lower|slow(?:ly)?|nervous\w*|hesitant\w*|flat|lacklust\w*|bored|disengaged|uninterested|disinterested|rambl\w*|waffl\w*|abrupt\w*|rude\w*|dismissive|negative(?:ly)?|unprepared|underprepared|unrelated|irrelevant|unfamiliar|inexperienced?|junior|hypothetical|rehearsed|scripted|off[- ]topic|tangents?|long[- ]winded|verbose|confus\w*|muddled|disjointed|jumbled|fumbl\w*|inefficien\w*|awkward\w*|uncomfortable|reluctan\w*|hands[- ]off|unremarkable|mediocre|disappointing|underwhelm\w*|absent|quiet|mumbl\w*|interrupt\w*|surprised|issues?|problems?|stop[- ]?gap|unconvincing|inconsistent\w*|inaccura\w*|careless\w*|sloppy|messy|overqualified|underqualified|exceed\w*|higher|above|outside|beyond|lacking|lacked|only|failed|fail|difficulty|difficulties|struggled|challenging|unfortunately|less|limited|fell|nerves|rushed|unstructured|unfocused|anxious|overly|concern|lost|lose|losing|hard to|unsure|narrow|minimal|modest|patchy|uneven|naive|unrealistic|unsafe|untidy|late|sketchy|lacks|lapses?|slip(?:ped|s)?|forgot|forgotten|omitted|overlooked|ignored|unaware|lighter|light on|shaky|rusty|stilted|robotic|wooden|lukewarm|bland|dull|ropey|ropy|clumsy|clumsily|arrogan\w*|defensive|negative|vague|unsuitable|unsure`,
  },
];

/** Words that end a clause for the purpose of deciding polarity ("strong, but you rambled"). */
export const CONTRAST_WORDS = [
  'but',
  'however',
  'although',
  'though',
  'whereas',
  'while',
  'whilst',
  'despite',
  'nevertheless',
  'nonetheless',
  'except',
  'yet',
  'unfortunately',
  'sadly',
] as const;

/** Contrast words that open a subordinate clause closed by the next comma ("Although X, Y"). */
export const CONCESSIVE_WORDS = ['although', 'though', 'while', 'whilst', 'despite'] as const;

/** Full stops after these do not end a sentence. */
export const ABBREVIATIONS = [
  'e.g',
  'i.e',
  'etc',
  'eg',
  'ie',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'vs',
  'no',
  'approx',
  'incl',
  'dept',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'cf',
  'al',
  'fig',
] as const;

/**
 * AFINN words (from the `sentiment` package) that say nothing about an interview: pleasantries and words
 * whose feedback sense differs from their general sense. Used only when no word above is near.
 */
export const AFINN_IGNORED = [
  'want',
  'wants',
  'wanted',
  'like',
  'likes',
  'help',
  'helps',
  'thank',
  'thanks',
  'hope',
  'hoping',
  'please',
  'care',
  'opportunity',
  'opportunities',
  'chance',
  'welcome',
  'successful',
  'unsuccessful',
  'success',
  'yes',
  'no',
  'win',
  'free',
  'pretty',
  'matter',
  'fit',
  'sorry',
  'infectious',
  'interest',
  'interested',
  'interesting',
  'reject',
  'rejected',
  'rejection',
  'applause',
  'luck',
  'lucky',
  'best',
  'wish',
  'apologies',
  'apologise',
  'apologize',
  'feeling',
  'pressure',
  'challenge',
  'challenges',
  'critical',
  'demand',
  'demanding',
  'cut',
  'hard',
  'united',
  'share',
  'shared',
  'joke',
  'sincere',
  'sincerely',
  'fine',
  'support',
  'supported',
  'supporting',
] as const;
