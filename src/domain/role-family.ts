/**
 * The family and seniority of a job title, read from its words (DESIGN.md §2, practices 11 and 14):
 * interview practice picks role questions by family, and the insights compare progress by family and
 * seniority. Pure and deterministic; a title it cannot place gets null rather than a guess.
 *
 * Titles are matched as lower-case words ("Sr. Backend Engineer" → "sr backend engineer"). Specific
 * phrases are tried before single words, because the same word means different jobs in different
 * company: "sales assistant" is a shop-floor job, "account executive" is sales, "accounts payable" is
 * finance, "nursery nurse" is early-years teaching, and a bare "engineer" (civil, mechanical) is not
 * software.
 */

export const ROLE_FAMILIES = [
  'software',
  'data',
  'sales',
  'healthcare',
  'teaching',
  'retail_hospitality',
  'finance',
  'marketing',
  'operations',
] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

export const SENIORITIES = ['entry', 'mid', 'senior', 'lead'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Lower-case words separated by single spaces, with a space at each end for whole-word matching. */
function words(title: string): string {
  const text = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
  return text === '' ? '' : ` ${text} `;
}

const has = (text: string, phrase: string): boolean => text.includes(` ${phrase} `);
const hasAny = (text: string, phrases: readonly string[]): boolean => phrases.some((p) => has(text, p));

/** Phrases that decide the family before any single word is looked at (most specific first). */
const PHRASES: readonly (readonly [RoleFamily, readonly string[]])[] = [
  [
    'teaching',
    ['nursery nurse', 'nursery practitioner', 'early years', 'teaching assistant', 'head of year'],
  ],
  ['teaching', ['school principal', 'vice principal', 'assistant principal', 'deputy head', 'head teacher']],
  ['healthcare', ['dental nurse', 'medical receptionist', 'dental receptionist', 'support worker']],
  [
    'retail_hospitality',
    [
      'sales assistant',
      'sales associate',
      'shop assistant',
      'retail assistant',
      'customer assistant',
      'store manager',
      'front of house',
      'hotel receptionist',
      'front desk',
      'team member',
      'crew member',
    ],
  ],
  [
    'finance',
    ['accounts payable', 'accounts receivable', 'accounts assistant', 'accounts clerk', 'credit control'],
  ],
  ['finance', ['financial analyst', 'finance analyst', 'investment analyst', 'quantitative analyst']],
  [
    'sales',
    ['account executive', 'account manager', 'key account', 'business development', 'sales operations'],
  ],
  ['sales', ['customer success', 'recruitment consultant', 'estate agent', 'sales development']],
  ['sales', ['software sales', 'medical sales', 'technical sales', 'sales engineer']],
  ['marketing', ['marketing operations', 'public relations', 'social media', 'community manager']],
  [
    'data',
    [
      'data analyst',
      'data scientist',
      'data engineer',
      'data manager',
      'business intelligence',
      'machine learning',
      'ml engineer',
      'bi developer',
      'bi analyst',
      'insight analyst',
      'insights analyst',
      'business analyst',
      'reporting analyst',
    ],
  ],
  [
    'software',
    [
      'software',
      'site reliability',
      'full stack',
      'front end',
      'back end',
      'qa engineer',
      'test engineer',
      'security engineer',
      'cloud engineer',
      'platform engineer',
      'systems administrator',
      'it support',
      'engineering manager',
      'product manager',
      'product owner',
      'scrum master',
      'solutions architect',
      'technical architect',
    ],
  ],
  [
    'operations',
    ['supply chain', 'office manager', 'project coordinator', 'customer service', 'customer care'],
  ],
];

/** Single words, tried in this order after the phrases. */
const WORDS: readonly (readonly [RoleFamily, readonly string[]])[] = [
  [
    'healthcare',
    [
      'nurse',
      'nursing',
      'rn',
      'midwife',
      'doctor',
      'physician',
      'gp',
      'surgeon',
      'paramedic',
      'pharmacist',
      'pharmacy',
      'carer',
      'caregiver',
      'hca',
      'physiotherapist',
      'physio',
      'therapist',
      'radiographer',
      'sonographer',
      'dentist',
      'hygienist',
      'phlebotomist',
      'optometrist',
      'psychologist',
      'counsellor',
      'clinical',
      'medical',
      'healthcare',
      'care',
      'ward',
    ],
  ],
  ['teaching', ['teacher', 'teaching', 'tutor', 'lecturer', 'professor', 'educator', 'headteacher', 'senco']],
  ['data', ['analytics', 'statistician', 'data']],
  [
    'software',
    [
      'developer',
      'programmer',
      'backend',
      'frontend',
      'fullstack',
      'devops',
      'sre',
      'ios',
      'android',
      'web',
      'mobile',
      'embedded',
      'sysadmin',
    ],
  ],
  [
    'finance',
    [
      'accountant',
      'accounting',
      'bookkeeper',
      'payroll',
      'finance',
      'financial',
      'auditor',
      'audit',
      'tax',
      'treasury',
      'actuary',
      'underwriter',
      'controller',
      'cfo',
    ],
  ],
  [
    'marketing',
    ['marketing', 'marketer', 'seo', 'ppc', 'brand', 'content', 'copywriter', 'campaign', 'growth'],
  ],
  ['sales', ['sales', 'salesperson', 'bdr', 'sdr', 'partnerships']],
  [
    'retail_hospitality',
    [
      'retail',
      'store',
      'shop',
      'cashier',
      'barista',
      'waiter',
      'waitress',
      'bartender',
      'chef',
      'cook',
      'kitchen',
      'hotel',
      'restaurant',
      'cafe',
      'housekeeper',
      'housekeeping',
      'merchandiser',
      'hospitality',
    ],
  ],
  [
    'operations',
    [
      'operations',
      'logistics',
      'warehouse',
      'procurement',
      'purchasing',
      'inventory',
      'dispatcher',
      'fleet',
      'transport',
      'forklift',
      'picker',
      'packer',
      'facilities',
      'production',
      'manufacturing',
      'planner',
      'scheduler',
    ],
  ],
];

/**
 * The family of a job title, or null when its words do not say ("Consultant", "Manager",
 * "Civil Engineer"). "Staff Nurse" → healthcare, "Backend Engineer" → software.
 */
export function roleFamilyOf(roleTitle: string): RoleFamily | null {
  const text = words(roleTitle);
  if (text === '') return null;
  for (const [family, phrases] of PHRASES) if (hasAny(text, phrases)) return family;
  for (const [family, list] of WORDS) if (hasAny(text, list)) return family;
  return null;
}

const ENTRY = [
  'intern',
  'internship',
  'graduate',
  'grad',
  'trainee',
  'apprentice',
  'apprenticeship',
  'junior',
  'jr',
  'entry level',
  'placement',
  'student',
  'i',
];
const LEAD = [
  'lead',
  'leader',
  'principal',
  'head',
  'headteacher',
  'manager',
  'director',
  'chief',
  'vp',
  'vice president',
  'ceo',
  'cto',
  'cfo',
  'coo',
  'cmo',
  'supervisor',
];
/** Titles with "manager" that name an individual contributor, not someone who leads people. */
const MANAGER_NOT_LEAD = [
  'account manager',
  'relationship manager',
  'product manager',
  'project manager',
  'case manager',
  'community manager',
];
/** A second-in-command runs the floor with the manager: more than mid, not yet the lead. */
const DEPUTY = ['assistant manager', 'deputy manager', 'assistant store manager', 'assistant principal'];
const SENIOR = ['senior', 'sr', 'iii', 'experienced'];
const STAFF_SENIOR = ['staff engineer', 'staff software', 'staff data', 'staff scientist', 'staff developer'];
/** Words that name a job, so that a title without level words is still an ordinary (mid) role. */
const JOB_NOUNS = [
  'engineer',
  'analyst',
  'assistant',
  'associate',
  'clerk',
  'officer',
  'coordinator',
  'co ordinator',
  'specialist',
  'consultant',
  'representative',
  'executive',
  'administrator',
  'technician',
  'designer',
  'architect',
  'worker',
  'advisor',
  'adviser',
  'agent',
  'operative',
  'practitioner',
  'driver',
  'scientist',
  'researcher',
  'writer',
  'editor',
  'ii',
];

/**
 * How senior a job title reads:
 * - entry: intern, graduate, trainee, apprentice, junior, "Engineer I";
 * - lead: lead, principal, head, manager, director, chief, VP, supervisor (but not the manager titles
 *   that are individual roles: account, relationship, product, project, case, community manager);
 * - senior: senior, sr, "III", staff engineer/scientist, and assistant/deputy manager;
 * - mid: any other title that clearly names a job (a family is known, or a job noun such as nurse,
 *   engineer, clerk, coordinator) — "Staff Nurse" is mid;
 * - null: nothing to go on ("", "Opportunity", "Role at Acme").
 * An entry word wins over the others ("Trainee Manager" is entry), and lead over senior.
 */
export function seniorityOf(roleTitle: string): Seniority | null {
  const text = words(roleTitle);
  if (text === '') return null;
  if (hasAny(text, ENTRY)) return 'entry';
  if (hasAny(text, DEPUTY)) return 'senior';
  const managerOnlyAsIndividual = hasAny(text, MANAGER_NOT_LEAD);
  const leadWords = LEAD.filter((w) => has(text, w) && !(w === 'manager' && managerOnlyAsIndividual));
  if (leadWords.length > 0) return 'lead';
  if (hasAny(text, SENIOR) || hasAny(text, STAFF_SENIOR)) return 'senior';
  if (roleFamilyOf(roleTitle) !== null || hasAny(text, JOB_NOUNS) || managerOnlyAsIndividual) return 'mid';
  return null;
}
