/**
 * Insights benchmark (issue 6): the insights page, Today and the insight steps over a long, busy search —
 * 5,000 applications to ~300 employers across 18 months, in many occupations, with 2–3 KB job
 * descriptions, 500 pieces of interviewer feedback, two résumés, mood check-ins and learning goals.
 * The page must feel instant.
 *
 *   npm run bench:insights
 *   ONWARD_TEST_PG=postgres://postgres@127.0.0.1:5432/test npm run bench:insights   # also PostgreSQL
 *
 * SQLite always runs, on a temporary file. PostgreSQL runs when ONWARD_BENCH_PG or ONWARD_TEST_PG holds a
 * postgres:// URL: a fresh database is created for the run and dropped afterwards. Both get the same data,
 * generated from a seeded PRNG (ONWARD_BENCH_SEED). ONWARD_BENCH_KEEP=1 keeps the databases afterwards.
 *
 * Each database is measured in a child process of its own: the services keep the compiled skills
 * vocabulary and the job-description matches in memory, so a second database in the same process would
 * not be cold. "insights, cold" is the first call in a fresh process (it compiles the vocabulary and
 * matches every job description against its résumé); "warm" is the median of the calls after it.
 * The peak RSS is the child's.
 *
 * The children run with TZ=Europe/London (the local user takes the system's zone), so weeks and streaks
 * are the same on every machine. Each operation's "cpu ms" is this process's own CPU time per call (median):
 * on a busy machine it moves less than the wall clock, and on PostgreSQL it leaves out the server's work.
 * ONWARD_BENCH_CPU_PROF=<dir> profiles each timed operation (in the child, with node:inspector), writes
 * the .cpuprofile files there and prints the functions that take the time; the profiler slows every call.
 *
 * The data is loaded through the repositories in a few transactions, not through the services (which
 * replan each application as it is written); the load time is reported all the same. No per-application
 * steps are stored, so Today's list is the search-wide steps (apply_more, practice, learn, refine_search)
 * it plans itself. Progress goes to stderr, the results to stdout.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { planMove, stageOf, type ApplicationEvent } from '../src/domain/events.js';
import { ladderRank } from '../src/domain/insights.js';
import {
  FEEDBACK_THEMES,
  type Application,
  type Company,
  type Feedback,
  type FeedbackTheme,
  type Interview,
  type InterviewKind,
  type LearningGoal,
  type MoodCheckIn,
  type Rejection,
  type Resume,
  type Workplace,
} from '../src/domain/model.js';
import { isClosingStage, type Stage } from '../src/domain/stages.js';
import {
  insights,
  insightStepFacts,
  openContext,
  today,
  type Context,
  type InsightsReport,
} from '../src/services/index.js';
import { redactUrl, Store, type DialectName } from '../src/store/index.js';
import { companyKey } from '../src/store/repositories/companies.js';
import { tagFeedback } from '../src/text/feedback.js';
import {
  cleanUp,
  cleanups,
  countRows,
  databaseSize,
  databaseVersion,
  postgresTarget,
  postgresUrl,
  sqliteTarget,
} from './db.js';
import {
  BenchFailure,
  check,
  errorText,
  idMaker,
  iso,
  machineLine,
  ms,
  MS_DAY,
  MS_HOUR,
  progress as writeProgress,
  Random,
  summarise,
  table,
  type OperationSpec,
  type Summary,
} from './lib.js';

// ---------------------------------------------------------------------------------------------
// Parameters

const APPLICATIONS = 5_000;
const COMPANIES = 300;
const HISTORY_DAYS = 548; // 18 months
const FEEDBACK_TEXTS = 500;
const CHECK_INS = 150;
/** Applications written per transaction while loading. */
const BATCH = 500;
const NOW = '2026-11-23T09:00:00.000Z';
/** The seeker's time zone (the local user takes the system's, so the children run with TZ set to it). */
const TIME_ZONE = 'Europe/London';
const SEED = Number(process.env.ONWARD_BENCH_SEED ?? 20261123);
/** ONWARD_BENCH_CPU_PROF=<dir>: a CPU profile of each timed operation, written there and summed up on stderr. */
const PROFILE_DIR = process.env.ONWARD_BENCH_CPU_PROF?.trim() || undefined;
/** Set in the child processes: the dialect to measure. */
const CHILD = process.env.ONWARD_BENCH_INSIGHTS_CHILD as DialectName | undefined;
const RESULT_PREFIX = 'ONWARD_BENCH_RESULT ';

/** The page must feel instant: above these, the report says so and profiles the call. */
const WARM_BUDGET_MS = 150;
const COLD_BUDGET_MS = 1500;

const OPERATIONS = {
  insightsCold: { name: 'insights, cold (first call)', warmup: 0, reps: 1 },
  insightsWarm: { name: 'insights, warm', warmup: 0, reps: 10 },
  facts: { name: 'insightStepFacts', warmup: 1, reps: 10 },
  todayFirst: { name: 'today, first (plans steps)', warmup: 0, reps: 1 },
  today: { name: 'today', warmup: 0, reps: 10 },
  listApps: { name: '  part: applications.list({})', warmup: 1, reps: 10 },
  events: { name: '  part: events.all()', warmup: 1, reps: 10 },
  interviews: { name: '  part: interviews.all()', warmup: 1, reps: 10 },
  feedback: { name: '  part: feedback.all()', warmup: 1, reps: 10 },
} satisfies Record<string, OperationSpec>;
type OperationKey = keyof typeof OPERATIONS;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** In a child, each line says which database it is about. */
const progress = (message: string): void => writeProgress(`${CHILD ? `[${CHILD}] ` : ''}${message}`);

const NOW_MS = Date.parse(NOW);
const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

// ---------------------------------------------------------------------------------------------
// Occupations: titles, and the lines their job descriptions are written from (real skill words)

type Sector = 'health' | 'retail' | 'tech' | 'education' | 'finance' | 'logistics' | 'agency' | 'general';

interface Occupation {
  key: string;
  /** Share of the applications. */
  weight: number;
  titles: readonly string[];
  sectors: readonly Sector[];
  workplace: readonly (readonly [Workplace | null, number])[];
  intro: readonly string[];
  duties: readonly string[];
  essential: readonly string[];
  desirable: readonly string[];
  /** Skills an interviewer might name in feedback. */
  feedbackSkills: readonly string[];
  /** Sent with the data-roles résumé once it exists. */
  dataResume?: boolean;
}

const ON_SITE: Occupation['workplace'] = [
  ['on_site', 8],
  [null, 2],
];
const OFFICE: Occupation['workplace'] = [
  ['hybrid', 5],
  ['on_site', 2],
  ['remote', 1],
  [null, 2],
];
const REMOTE_FRIENDLY: Occupation['workplace'] = [
  ['remote', 4],
  ['hybrid', 4],
  ['on_site', 1],
  [null, 1],
];

const OCCUPATIONS: readonly Occupation[] = [
  {
    key: 'nurse',
    weight: 7,
    titles: [
      'Registered Nurse',
      'Staff Nurse - Acute Medical Ward',
      'Senior Staff Nurse',
      'Community Nurse',
      'Charge Nurse',
    ],
    sectors: ['health'],
    workplace: ON_SITE,
    intro: [
      '{company} is looking for a caring Registered Nurse to join our busy acute medical ward.',
      'Our community nursing team at {company} supports adults at home after a hospital stay.',
      'Join {company} as a nurse on a 28-bed ward caring for adults with respiratory, cardiac and diabetic conditions.',
    ],
    duties: [
      'Carry out patient assessments on admission and throughout each shift, and escalate deterioration.',
      "Give medication safely, including controlled drugs, following the trust's medication administration policy.",
      'Plan, deliver and record care, and keep care plans up to date.',
      'Manage IV therapy and intravenous fluids for patients on the ward.',
      'Provide wound care and pressure area care.',
      'Follow infection control procedures at all times.',
      'Recognise and report safeguarding concerns about vulnerable adults.',
      'Take blood samples (phlebotomy) and record observations.',
      'Support and supervise healthcare assistants and student nurses.',
      'Work with doctors, therapists and social workers to plan safe discharges.',
      'Document care accurately in electronic health records.',
      'Take part in the rota of twelve-hour day and night shifts.',
    ],
    essential: [
      'Registered Nurse (Adult) with current NMC registration.',
      'Basic Life Support (BLS) certificate.',
      'Confident using electronic health records.',
      'Experience of medication administration and IV therapy.',
      'A good understanding of infection control and safeguarding.',
      'Excellent communication skills with patients and families.',
    ],
    desirable: [
      'Advanced Life Support (ALS).',
      'Phlebotomy and cannulation.',
      'A mentorship qualification.',
      'Experience of tissue viability and wound care.',
    ],
    feedbackSkills: ['IV therapy', 'medication administration', 'wound care', 'clinical assessment'],
  },
  {
    key: 'store-manager',
    weight: 10,
    titles: ['Store Manager', 'Assistant Store Manager', 'Deputy Store Manager', 'Retail Team Leader'],
    sectors: ['retail'],
    workplace: ON_SITE,
    intro: [
      '{company} is hiring a Store Manager to lead one of our busiest high-street shops.',
      'We are looking for a hands-on retail leader to run a team of 25 at {company}.',
      'At {company} our stores are the heart of the business, and we need someone to lead one of them.',
    ],
    duties: [
      'Lead, coach and motivate a team of sales assistants and supervisors.',
      'Own the store P&L, controlling costs and driving sales against targets and KPIs.',
      'Plan rotas and manage staff scheduling to match footfall.',
      'Keep stock control tight: deliveries, stock counts, replenishment and shrinkage.',
      'Deliver visual merchandising to brand standards.',
      'Make sure cash handling, banking and till procedures are followed.',
      'Recruit, train and develop colleagues, including performance management.',
      'Keep the store safe and compliant with health and safety and fire regulations.',
      'Deliver excellent customer service and handle complaints with care.',
      'Work with the area manager on loss prevention and store audits.',
      'Use the POS system and sales reports to plan the week.',
    ],
    essential: [
      'Experience managing a retail store or department.',
      'Strong customer service skills and a passion for the shop floor.',
      'Confident with stock control, rota planning and budget management.',
      'Able to read sales reports and act on KPIs.',
      'Experience of recruitment, training and people management.',
    ],
    desirable: [
      'Visual merchandising experience.',
      'A first aid certificate.',
      'Experience with SAP or a similar retail system.',
      'Knowledge of health and safety legislation.',
    ],
    feedbackSkills: ['stock control', 'P&L management', 'visual merchandising', 'people management'],
  },
  {
    key: 'backend',
    weight: 12,
    titles: [
      'Backend Engineer',
      'Senior Backend Engineer',
      'Software Engineer (Platform)',
      'Backend Developer',
      'Lead Backend Engineer',
    ],
    sectors: ['tech', 'finance'],
    workplace: REMOTE_FRIENDLY,
    intro: [
      '{company} is looking for a backend engineer to build the services behind our product.',
      'Our platform team at {company} runs the APIs that thousands of customers rely on every day.',
      'Join {company} to design, build and run reliable, well-tested backend services.',
    ],
    duties: [
      'Design and build REST APIs and GraphQL endpoints in TypeScript on Node.js.',
      'Model data and tune queries in PostgreSQL.',
      'Build event-driven services on Kafka and message queues.',
      'Run services in Docker on Kubernetes in AWS, managed with Terraform.',
      'Write unit tests and integration tests, and keep the CI/CD pipeline green.',
      'Take part in code review and system design discussions.',
      'Improve observability with Prometheus, Grafana and structured logging.',
      'Join the on-call rota and help us learn from incidents.',
      'Break a monolith into microservices where it makes sense.',
      'Work with product managers and designers to ship features in small steps.',
    ],
    essential: [
      'Commercial experience with TypeScript or JavaScript on Node.js.',
      'Strong SQL and relational database design skills, ideally PostgreSQL.',
      'Experience building and operating REST APIs.',
      'Comfortable with Docker, Git and CI/CD.',
      'Good understanding of distributed systems and microservices.',
    ],
    desirable: [
      'Experience with Kubernetes and AWS.',
      'Kafka or another event streaming platform.',
      'Go or Python.',
      'Redis and caching strategies.',
      'Terraform or other infrastructure as code.',
    ],
    feedbackSkills: ['system design', 'Kubernetes', 'Kafka', 'distributed systems'],
    dataResume: true,
  },
  {
    key: 'data-analyst',
    weight: 18,
    titles: ['Data Analyst', 'Senior Data Analyst', 'Business Intelligence Analyst', 'Junior Data Analyst'],
    sectors: ['tech', 'finance', 'retail', 'general'],
    workplace: OFFICE,
    intro: [
      '{company} is looking for a data analyst to turn our data into decisions.',
      'Our insight team at {company} helps every department understand its numbers.',
      'Join {company} as an analyst and help us measure what matters.',
    ],
    duties: [
      'Write SQL to pull and join data from our data warehouse in BigQuery.',
      'Build and maintain dashboards in Power BI and Tableau.',
      'Analyse trends with Python and pandas, and explain what they mean.',
      'Design A/B tests and report on experiments with sound statistics.',
      'Model data with dbt and keep our reporting tables tidy.',
      'Work with stakeholders to define metrics and KPIs.',
      'Present findings clearly to non-technical audiences.',
      'Automate recurring reports in Excel and Python.',
      'Check data quality and document definitions.',
      'Support forecasting and budgeting with analysis.',
    ],
    essential: [
      'Strong SQL skills.',
      'Experience with Power BI, Tableau or Looker.',
      'Advanced Excel, including pivot tables and lookups.',
      'Good grasp of statistics and data visualisation.',
      'Excellent stakeholder management and communication skills.',
    ],
    desirable: [
      'Python (pandas, NumPy) or R.',
      'dbt and cloud data warehouses such as BigQuery or Snowflake.',
      'Experience of A/B testing.',
      'Google Analytics.',
    ],
    feedbackSkills: ['SQL', 'statistics', 'Power BI', 'Python'],
    dataResume: true,
  },
  {
    key: 'teacher',
    weight: 5,
    titles: ['Secondary Maths Teacher', 'Primary Teacher', 'Teacher of English', 'Head of Science'],
    sectors: ['education'],
    workplace: ON_SITE,
    intro: [
      '{company} is looking for an inspiring teacher to join our friendly department from September.',
      'We are a growing school, {company}, with a strong record of pupil progress.',
      '{company} wants a teacher who believes every pupil can succeed.',
    ],
    duties: [
      'Plan and teach well-structured lessons across Key Stage 3 and Key Stage 4.',
      'Prepare pupils for GCSE examinations.',
      'Use assessment to track progress and adapt teaching (differentiation).',
      'Apply our behaviour management policy consistently and fairly.',
      'Support pupils with SEN alongside teaching assistants and the SENCO.',
      'Follow safeguarding procedures and report concerns.',
      'Contribute to curriculum development in the department.',
      'Communicate with parents and carers and attend parents evenings.',
      'Take part in extracurricular activities and trips.',
    ],
    essential: [
      'Qualified Teacher Status (QTS) or a PGCE.',
      'Good subject knowledge and lesson planning.',
      'Strong behaviour management.',
      'A commitment to safeguarding and the welfare of children.',
    ],
    desirable: [
      'Experience teaching GCSE.',
      'Experience supporting pupils with SEN.',
      'Experience of curriculum development.',
    ],
    feedbackSkills: ['behaviour management', 'lesson planning', 'differentiation', 'assessment'],
  },
  {
    key: 'accountant',
    weight: 10,
    titles: ['Management Accountant', 'Assistant Accountant', 'Financial Accountant', 'Senior Accountant'],
    sectors: ['finance', 'general', 'retail', 'logistics'],
    workplace: OFFICE,
    intro: [
      '{company} is looking for an accountant to join a small, friendly finance team.',
      'Our finance team at {company} supports a growing business across three sites.',
      'Join {company} and own the month-end close for our trading companies.',
    ],
    duties: [
      'Prepare monthly management accounts and the month-end close.',
      'Complete balance sheet reconciliations and bank reconciliations.',
      'Prepare and submit VAT returns.',
      'Support the annual budget and quarterly forecasting.',
      'Look after accounts payable and accounts receivable.',
      'Prepare the statutory accounts under IFRS or FRS 102 for the auditors.',
      'Improve processes in Xero and Sage, and build better reports in Excel.',
      'Analyse variances and explain them to budget holders.',
      'Process payroll journals and accruals.',
    ],
    essential: [
      'Part-qualified or qualified ACCA, CIMA or ACA.',
      'Strong Excel skills.',
      'Experience of month-end close and reconciliations.',
      'Experience with Xero, Sage or another accounting package.',
    ],
    desirable: [
      'Knowledge of IFRS.',
      'Experience of VAT returns and payroll.',
      'Experience in a multi-entity business.',
    ],
    feedbackSkills: ['reconciliations', 'IFRS', 'month-end close', 'VAT'],
  },
  {
    key: 'warehouse',
    weight: 10,
    titles: [
      'Warehouse Supervisor',
      'Warehouse Team Leader',
      'Shift Manager - Distribution Centre',
      'Logistics Coordinator',
    ],
    sectors: ['logistics', 'retail'],
    workplace: ON_SITE,
    intro: [
      '{company} is looking for a warehouse supervisor to lead our night shift.',
      'Our distribution centre at {company} ships 40,000 orders a day.',
      'Join {company} and keep our goods moving safely and on time.',
    ],
    duties: [
      'Lead a team of 30 warehouse operatives across picking and packing, goods in and dispatch.',
      'Plan labour against volumes and hit productivity KPIs.',
      'Keep stock control and inventory management accurate in the WMS.',
      'Make sure health and safety procedures are followed, including manual handling.',
      'Run daily briefings and drive continuous improvement with lean methods.',
      'Coordinate with transport and carriers for on-time deliveries.',
      'Train new starters and carry out forklift audits.',
      'Investigate stock discrepancies and report on shrinkage.',
      'Use SAP to book stock in and out.',
    ],
    essential: [
      'Experience supervising a team in a warehouse or distribution centre.',
      'Good understanding of health and safety.',
      'Experience with a WMS and stock control.',
      'Confident with Excel and KPIs.',
    ],
    desirable: [
      'A forklift licence (counterbalance or reach truck).',
      'IOSH Managing Safely.',
      'Lean or Six Sigma training.',
      'Experience with SAP.',
    ],
    feedbackSkills: ['WMS', 'health and safety', 'lean', 'labour planning'],
  },
  {
    key: 'marketing',
    weight: 10,
    titles: ['Marketing Manager', 'Digital Marketing Manager', 'Marketing Executive', 'Head of Marketing'],
    sectors: ['agency', 'tech', 'retail', 'general'],
    workplace: OFFICE,
    intro: [
      '{company} is looking for a marketing manager to grow our brand and our leads.',
      'Our marketing team at {company} is small, ambitious and data-led.',
      'Join {company} and own our digital marketing from strategy to results.',
    ],
    duties: [
      'Plan and run campaigns across paid search, paid social and email marketing.',
      'Own SEO and content marketing, with a monthly content calendar.',
      'Manage Google Ads and Meta budgets, and report on return on ad spend.',
      'Report on performance with Google Analytics and dashboards.',
      'Run our CRM and marketing automation in HubSpot.',
      'Write and edit copy for the website, ads and newsletters (copywriting).',
      'Work with sales on lead generation and the funnel.',
      'Manage agencies and freelancers, and the marketing budget.',
      'Keep our social media channels lively and on brand.',
    ],
    essential: [
      'Experience running digital marketing campaigns.',
      'Hands-on SEO, PPC and Google Analytics.',
      'Experience with HubSpot, Salesforce or another CRM.',
      'Excellent copywriting.',
      'Budget management.',
    ],
    desirable: [
      'Marketing automation.',
      'A CIM qualification.',
      'Experience of B2B marketing.',
      'Basic HTML and WordPress.',
    ],
    feedbackSkills: ['SEO', 'Google Ads', 'HubSpot', 'campaign analytics'],
  },
  {
    key: 'project-manager',
    weight: 10,
    titles: ['Project Manager', 'Operations Manager', 'Programme Coordinator', 'Senior Project Manager'],
    sectors: ['general', 'tech', 'finance', 'logistics', 'health'],
    workplace: OFFICE,
    intro: [
      '{company} is looking for a project manager to deliver change across the business.',
      'Our transformation office at {company} runs a portfolio of twenty projects.',
      'Join {company} to keep our operations running smoothly as we grow.',
    ],
    duties: [
      'Plan and deliver projects on time and on budget, using Agile or PRINCE2 as suits the work.',
      'Manage risks, issues and dependencies, and keep the RAID log current.',
      'Run Scrum ceremonies and keep the backlog in Jira up to date.',
      'Engage stakeholders at every level and report progress to the steering group.',
      'Manage suppliers and contracts.',
      'Track budgets and forecasts, and report variances.',
      'Lead change management and training for new processes.',
      'Improve processes with lean and continuous improvement.',
    ],
    essential: [
      'Proven project management experience.',
      'Excellent stakeholder management.',
      'Risk management and budget management.',
      'Experience with Jira, Confluence or MS Project.',
    ],
    desirable: ['PRINCE2 or APM qualification.', 'Agile or Scrum certification.', 'Change management.'],
    feedbackSkills: ['stakeholder management', 'risk management', 'Agile delivery', 'budget control'],
  },
  {
    key: 'customer-success',
    weight: 8,
    titles: [
      'Customer Success Manager',
      'Account Manager',
      'Account Executive',
      'Customer Service Team Leader',
    ],
    sectors: ['tech', 'agency', 'general', 'finance'],
    workplace: REMOTE_FRIENDLY,
    intro: [
      '{company} is looking for someone who loves helping customers succeed.',
      'Our customer team at {company} looks after 300 business accounts.',
      'Join {company} and grow our relationships with our largest customers.',
    ],
    duties: [
      'Own a portfolio of accounts, from onboarding to renewal.',
      'Build strong relationships and grow accounts through upselling.',
      'Keep account notes and the pipeline up to date in Salesforce.',
      'Handle escalations and complaints calmly, with excellent customer service.',
      'Run quarterly business reviews with account data.',
      'Negotiate renewals and contracts.',
      'Work with product and support teams to solve problems.',
      'Report on churn, retention and customer satisfaction.',
    ],
    essential: [
      'Experience in account management or customer success.',
      'Excellent customer service and negotiation skills.',
      'Confident with Salesforce or another CRM.',
      'Strong presentation skills.',
    ],
    desirable: ['Experience with Zendesk.', 'Experience selling software.', 'A second language.'],
    feedbackSkills: ['negotiation', 'Salesforce', 'account planning', 'renewals'],
  },
];

const ABOUT_LINES = [
  'We are an equal opportunity employer and welcome applications from everyone.',
  'We offer 28 days of holiday plus bank holidays, a pension with matched contributions and a learning budget.',
  'Flexible working is possible for most roles, and we are happy to talk about it at interview.',
  'The interview process has a short call, an exercise relevant to the role and a final conversation with the team.',
  'We value kindness, candour and craft, and we hire people who want to keep learning.',
  'Our teams are diverse and we want that to keep growing; adjustments for the interview are always available.',
  'You will receive a full induction and a named buddy for your first three months.',
  'We were named one of the best places to work in the region last year.',
  'The salary range is published in the listing, and we are happy to talk about it early.',
  'Please apply with your CV and a short note about why this role interests you.',
  'Some travel between our sites may be required, up to twice a month.',
  'We support our people with an employee assistance programme and wellbeing days.',
];

const SECTOR_NAMES: Record<Sector, readonly string[]> = {
  health: ['Hospital NHS Trust', 'Health', 'Care Group', 'Medical Centre', 'Clinic', 'Healthcare'],
  retail: ['Retail', 'Stores', 'Home & Garden', 'Fashion', 'Foods', 'Market'],
  tech: ['Software', 'Labs', 'Systems', 'Digital', 'Cloud', 'Analytics'],
  education: ['Academy', 'School', 'College', 'Learning Trust', 'Grammar School', 'Primary'],
  finance: ['Bank', 'Capital', 'Insurance', 'Accountants', 'Wealth', 'Building Society'],
  logistics: ['Logistics', 'Freight', 'Distribution', 'Transport', 'Supply', 'Fulfilment'],
  agency: ['Media', 'Creative', 'Marketing', 'Studio', 'Brands', 'Agency'],
  general: ['Group', 'Holdings', 'Energy', 'Homes', 'Housing', 'Services'],
};
const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['health', 9],
  ['retail', 14],
  ['tech', 18],
  ['education', 7],
  ['finance', 13],
  ['logistics', 11],
  ['agency', 10],
  ['general', 18],
];
const NAME_FIRST = (
  'Northwind Bluebird Granite Harbour Juniper Kestrel Lumen Meridian Nimbus Orchard Pioneer Quarry ' +
  'Redwood Saffron Tidal Umber Vantage Willow Yarrow Zephyr Acorn Beacon Cobalt Delta Ember Fjord ' +
  'Glacier Heron Indigo Jasper Kite Larch Mosaic Nova Onyx Prism Quill Rowan Summit Thistle Riverside ' +
  "St Anne's Oakfield Hillcrest Brookside Ashdown Fairhaven Kingsway Millbrook Westgate"
).split(' ');
const LOCATIONS = [
  'London',
  'Manchester',
  'Leeds',
  'Bristol',
  'Edinburgh',
  'Glasgow',
  'Birmingham',
  'Cardiff',
  'Belfast',
  'Nottingham',
  'Sheffield',
  'Newcastle',
  'Remote (UK)',
];
const SOURCES: readonly (readonly [string, number])[] = [
  ['job_board', 50],
  ['direct', 18],
  ['recruiter', 12],
  ['network', 7],
  ['referral', 6],
  ['other', 4],
  ['LinkedIn', 3],
];

// ---------------------------------------------------------------------------------------------
// Feedback: ~40 sentences written for this benchmark, across the themes of DESIGN.md §2

/**
 * Feedback from rejections: a theme (by how often interviewers raise it) and one of its sentences, some with
 * the job's own skill in them. Positive lines sit with their theme: feedback mixes praise and advice.
 */
const FEEDBACK_LINES: readonly (readonly [FeedbackTheme | 'none', number, readonly string[]])[] = [
  [
    'communication',
    11,
    [
      'At times your answers ran on and it was hard to follow the main point.',
      'The panel felt some of your answers were long-winded; try to be more concise.',
      'You came across as quite nervous, and a few answers were difficult to follow.',
      'Your answers would have landed better with a clearer structure.',
      'You explained your thinking clearly and were easy to follow.',
    ],
  ],
  [
    'examples_evidence',
    10,
    [
      'We would have liked more specific examples from your own work.',
      'Several answers stayed general; using the STAR method would help you show the impact you had.',
      'It was hard to see evidence of what you achieved personally rather than what the team did.',
      'Next time, back up your answers with concrete examples and measurable results.',
    ],
  ],
  [
    'technical_skills',
    8,
    [
      'Your technical knowledge of {skill} was not as deep as we needed for this role.',
      'In the practical exercise you struggled with {skill}.',
      'The panel had some concerns about your hands-on {skill} skills.',
      'Your technical skills were strong and you handled the exercise well.',
    ],
  ],
  [
    'experience',
    8,
    [
      "You didn't have quite enough experience of {skill} for this position.",
      'We were looking for someone with more experience at a senior level.',
      'The role needs at least three years of experience with {skill}, which we did not see in your background.',
      'Your experience is very relevant, and that came through in your answers.',
    ],
  ],
  [
    'preparation_research',
    5,
    [
      "You didn't seem to know much about our company or what we do.",
      'It would have helped to research our services and values before the interview.',
      'We felt you were not well prepared for the case study.',
    ],
  ],
  [
    'culture_fit',
    2,
    [
      "We weren't sure you would be a good fit with the way our team works.",
      'The panel felt your working style might not suit our fast-paced environment.',
    ],
  ],
  [
    'motivation_enthusiasm',
    3,
    [
      'We were not convinced about your motivation for this particular role.',
      "It wasn't clear why you wanted to work with us rather than anywhere else.",
      'You came across as genuinely enthusiastic about the role.',
    ],
  ],
  [
    'questions_asked',
    2,
    [
      "You didn't ask us any questions at the end, which the panel noticed.",
      'You asked thoughtful questions about the team and how we work.',
    ],
  ],
  [
    'leadership',
    2,
    [
      'We would have liked to hear more about how you have led and developed a team.',
      'There was limited evidence of leadership in your examples.',
    ],
  ],
  [
    'salary_expectations',
    1,
    [
      'Your salary expectations were above the budget for this role.',
      'Unfortunately we could not meet your salary expectations.',
    ],
  ],
  [
    'competition',
    4.5,
    [
      'We had a very strong field of applicants and the decision was close.',
      "Another candidate's experience matched the role slightly better.",
      'We went with a candidate who had more experience in a similar role.',
    ],
  ],
  [
    'positive',
    2.5,
    [
      'You interviewed really well and we enjoyed meeting you.',
      'The panel was impressed by your customer focus and your energy.',
    ],
  ],
  [
    'none',
    2,
    ['Thank you again for your interest in the role.', 'We will keep your details on file for future roles.'],
  ],
];
const FEEDBACK_OPENERS = [
  'Thank you for taking the time to meet the panel.',
  'Thanks for coming in last week.',
  'Thank you for your patience while we made a decision.',
];
const OFFER_FEEDBACK = [
  'You interviewed really well and we enjoyed meeting you.',
  'Your experience is very relevant, and that came through in your answers.',
  'You explained your thinking clearly and were easy to follow.',
  'You asked thoughtful questions about the team and how we work.',
  'The panel was impressed by your customer focus and your energy.',
];
const GIVERS = ['the hiring manager', 'the recruiter', 'Dana Lee', 'Sam Patel', 'Priya Okafor', 'Chen Kim'];

// ---------------------------------------------------------------------------------------------
// Résumés

const RESUME_GENERAL = `# Alex Morgan

Operations and analysis · alex.morgan@example.com · Leeds

## Profile
Team leader and analyst with eight years in retail operations and reporting. I like turning messy numbers
into clear decisions and helping a team hit its targets.

## Skills
- Excel (pivot tables, lookups), SQL, Power BI
- Stock control, rota planning, cash handling
- Customer service and complaint handling
- Team leadership, recruitment and training
- Budget management and KPIs
- Health and safety
- Stakeholder management and presentation skills

## Experience

### Operations Analyst, Harbour Retail (2021 – present)
- Built the weekly sales and stock dashboards in Power BI for 40 stores.
- Wrote SQL reports on shrinkage and availability; cut stock write-offs by 12%.
- Ran the rota planning model that matched staffing to footfall.
- Presented monthly KPIs to regional managers and the operations director.

### Deputy Store Manager, Juniper Stores (2017 – 2021)
- Led a team of 18 sales assistants; recruited and trained new starters.
- Owned stock control, deliveries and cash handling; passed every audit.
- Delivered visual merchandising to brand standards for seasonal launches.
- Handled customer complaints and escalations.

### Sales Assistant, Kestrel Market (2015 – 2017)
- Customer service on a busy till; POS and cash handling.

## Education
BA (Hons) Business Management, University of Leeds.
First aid certificate. Food hygiene level 2.
`;

const RESUME_DATA = `# Alex Morgan

Data analyst · alex.morgan@example.com · Leeds · github.com/alexmorgan

## Profile
Data analyst with a background in retail operations: I build the reports people actually use and I can
explain them to a regional manager or an engineer.

## Skills
- SQL (window functions, CTEs), BigQuery, PostgreSQL
- Python: pandas, NumPy, Jupyter notebooks
- Power BI, Tableau, Looker Studio
- dbt for data modelling; Git and GitHub
- Statistics and A/B testing
- Excel (advanced), VBA
- Stakeholder management, presentation skills, data visualisation

## Experience

### Operations Analyst, Harbour Retail (2021 – present)
- Moved store reporting from spreadsheets to dbt models on BigQuery, with Power BI on top.
- Analysed a pricing A/B test across 40 stores in Python; the change rolled out chain-wide.
- Built a forecasting model for staffing in pandas, now used in rota planning.
- Wrote SQL for shrinkage and availability reports; cut write-offs by 12%.
- Presented monthly KPIs to regional managers and the operations director.

### Deputy Store Manager, Juniper Stores (2017 – 2021)
- Led a team of 18; owned stock control, budgets and customer service.

## Projects
- Tableau Public dashboard of UK rail punctuality (SQL, Python, Tableau).
- Google Data Analytics certificate (Coursera).

## Education
BA (Hons) Business Management, University of Leeds.
`;

// ---------------------------------------------------------------------------------------------
// The stage machine, as a seeker's search plays out: most applications never hear back

type Next = readonly [to: Stage | null, weight: number, days: readonly [number, number]];
/** From each stage: where it goes next (null: nothing more happens), how likely, after how many days. */
const NEXT: Partial<Record<Stage, readonly Next[]>> = {
  saved: [
    ['applied', 75, [1, 10]],
    [null, 25, [0, 0]],
  ],
  applied: [
    ['screening', 16, [3, 21]],
    ['rejected', 27, [2, 40]],
    ['no_response', 28, [21, 70]],
    [null, 24, [0, 0]], // silence, never marked
    ['withdrawn', 5, [2, 30]],
  ],
  screening: [
    ['interviewing', 42, [3, 14]],
    ['rejected', 38, [2, 14]],
    ['no_response', 12, [14, 40]],
    ['withdrawn', 8, [2, 14]],
  ],
  interviewing: [
    ['final', 32, [5, 21]],
    ['offer', 4, [5, 21]],
    ['rejected', 46, [3, 21]],
    ['no_response', 10, [14, 40]],
    ['withdrawn', 8, [3, 21]],
  ],
  final: [
    ['offer', 35, [3, 14]],
    ['rejected', 55, [3, 14]],
    ['no_response', 5, [14, 30]],
    ['withdrawn', 5, [2, 10]],
  ],
  offer: [
    ['accepted', 45, [2, 7]],
    ['withdrawn', 55, [2, 7]], // declined
  ],
  // A late answer reopens a few.
  no_response: [
    ['screening', 4, [10, 60]],
    [null, 96, [0, 0]],
  ],
};

const INTERVIEW_KINDS_AT: Partial<Record<Stage, readonly InterviewKind[]>> = {
  screening: ['phone'],
  interviewing: ['video', 'technical', 'behavioural', 'panel', 'assessment'],
  final: ['onsite', 'panel'],
};

// ---------------------------------------------------------------------------------------------
// The data set

interface Dataset {
  companies: Company[];
  applications: Application[];
  events: Map<string, ApplicationEvent[]>;
  interviews: Map<string, Interview[]>;
  rejections: Rejection[];
  feedback: Feedback[];
  resumes: Resume[];
  checkIns: MoodCheckIn[];
  goals: LearningGoal[];
  expected: Expected;
  occupationCounts: Record<string, number>;
}

/** What the report should say, worked out from the generated history without the services. */
interface Expected {
  sent: number;
  funnel: Record<'applied' | 'response' | 'interview' | 'final' | 'offer', number>;
  stages: Partial<Record<Stage, number>>;
  /** Per theme: negative mentions, distinct applications with one, positive mentions. */
  themes: Map<FeedbackTheme, { negative: number; negativeApps: Set<string>; positive: number }>;
  /** Feedback texts the tagger found at least one theme in. */
  feedbackTagged: number;
  withJobDescription: number;
  rejectedWithJobDescription: Set<string>;
  interviewsRated: number;
}

function jobDescription(random: Random, occ: Occupation, title: string, company: string): string {
  const target = random.int(2000, 3000);
  const parts: string[] = [title, company, ''];
  parts.push(fill(random.pick(occ.intro), { company }));
  parts.push(...random.sample(ABOUT_LINES, 2));
  parts.push('', 'What you will do');
  for (const d of random.sample(occ.duties, random.int(6, occ.duties.length))) parts.push(`- ${d}`);
  parts.push('', 'What we are looking for');
  for (const e of random.sample(occ.essential, random.int(3, occ.essential.length))) parts.push(`- ${e}`);
  parts.push('', 'Nice to have');
  for (const e of random.sample(occ.desirable, random.int(2, occ.desirable.length))) parts.push(`- ${e}`);
  parts.push('', 'About us');
  const about = random.sample(ABOUT_LINES, ABOUT_LINES.length);
  let text = parts.join('\n');
  for (const line of about) {
    if (text.length >= target) break;
    text += `\n${line}`;
  }
  // Short ones get the duties again, in other words: "In a typical week you will …".
  for (const d of random.sample(occ.duties, occ.duties.length)) {
    if (text.length >= target) break;
    text += `\nIn a typical week you will also ${d.charAt(0).toLowerCase()}${d.slice(1)}`;
  }
  return text;
}

function generate(seed: number): Dataset {
  const random = new Random(seed);
  const newId = idMaker(random);
  const start = NOW_MS - HISTORY_DAYS * MS_DAY;

  // Companies, each in one sector, with unique names.
  const companies: (Company & { sector: Sector })[] = [];
  const keys = new Set<string>();
  while (companies.length < COMPANIES) {
    const sector = random.weighted(SECTOR_WEIGHTS);
    const name = `${random.pick(NAME_FIRST)} ${random.pick(SECTOR_NAMES[sector])}`;
    if (keys.has(companyKey(name))) continue;
    keys.add(companyKey(name));
    companies.push({
      id: newId(),
      name,
      website: random.chance(0.6) ? `https://${companyKey(name).replace(/[^a-z0-9]+/g, '-')}.example` : null,
      notes: null,
      createdAt: iso(start - random.int(0, 30) * MS_DAY),
      sector,
    });
  }
  const bySector = new Map<Sector, typeof companies>();
  for (const c of companies) bySector.set(c.sector, [...(bySector.get(c.sector) ?? []), c]);

  const resumes: Resume[] = [
    {
      id: newId(),
      version: 'general',
      fileName: 'alex-morgan-cv.docx',
      text: RESUME_GENERAL,
      createdAt: iso(start - 5 * MS_DAY),
    },
    {
      id: newId(),
      version: 'data-2026',
      fileName: 'alex-morgan-data.pdf',
      text: RESUME_DATA,
      createdAt: iso(NOW_MS - 220 * MS_DAY),
    },
  ];
  const dataResumeFrom = Date.parse(resumes[1]!.createdAt);

  const applications: Application[] = [];
  const events = new Map<string, ApplicationEvent[]>();
  const interviews = new Map<string, Interview[]>();
  const rejections: Rejection[] = [];
  const occupationOf = new Map<string, Occupation>();
  const occupationCounts: Record<string, number> = {};
  const offers: { applicationId: string; at: number }[] = [];
  const expected: Expected = {
    sent: 0,
    funnel: { applied: 0, response: 0, interview: 0, final: 0, offer: 0 },
    stages: {},
    themes: new Map(),
    feedbackTagged: 0,
    withJobDescription: 0,
    rejectedWithJobDescription: new Set(),
    interviewsRated: 0,
  };

  // Creation times: weekdays mostly, busier as the search goes on, in time order.
  const created: number[] = [];
  while (created.length < APPLICATIONS) {
    const day = Math.floor(random.float() ** 0.8 * HISTORY_DAYS);
    const at = start + day * MS_DAY + random.int(7 * 3600, 23 * 3600) * 1000;
    const weekday = new Date(at).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random.chance(0.7)) continue;
    if (at >= NOW_MS - MS_HOUR) continue;
    created.push(at);
  }
  created.sort((a, b) => a - b);

  for (const createdMs of created) {
    const occ = random.weighted(OCCUPATIONS.map((o) => [o, o.weight] as const));
    occupationCounts[occ.key] = (occupationCounts[occ.key] ?? 0) + 1;
    const pool = occ.sectors.flatMap((s) => bySector.get(s) ?? []);
    // A skewed spread: a few employers get many applications, most get a handful.
    const company = pool[Math.floor(random.float() ** 1.7 * pool.length)] ?? companies[0]!;
    const id = newId();
    occupationOf.set(id, occ);
    const role = random.pick(occ.titles);

    // The history: created (saved or applied), then the stage machine until it stops or reaches now.
    const history: ApplicationEvent[] = [];
    const push = (e: Omit<ApplicationEvent, 'id' | 'applicationId' | 'seq'>) =>
      history.push({ id: newId(), applicationId: id, seq: history.length + 1, ...e });
    let stage: Stage = random.chance(0.08) ? 'saved' : 'applied';
    push({
      kind: 'created',
      at: iso(createdMs),
      fromStage: null,
      toStage: stage,
      source: null,
      detail: null,
    });
    const periods: { stage: Stage; from: number; to: number | null }[] = [
      { stage, from: createdMs, to: null },
    ];
    let t = createdMs;
    let rejection: Rejection | null = null;
    for (;;) {
      const options: readonly Next[] | undefined = NEXT[stage];
      if (!options) break;
      const [to, , [lo, hi]]: Next = random.weighted(options.map((o) => [o, o[1]] as const));
      if (to === null) break;
      const at = t + random.int(lo * 24, hi * 24) * MS_HOUR + random.int(0, 3599) * 1000;
      if (at >= NOW_MS) break; // still waiting
      const planned = planMove(history, to, iso(at));
      check(
        planned.ok,
        `generator made an invalid move ${stage} → ${to}: ${planned.ok ? '' : planned.reason}`,
      );
      push({
        kind: planned.eventKind,
        at: iso(at),
        fromStage: planned.from,
        toStage: planned.to,
        source: random.chance(0.3) ? 'email' : null,
        detail: null,
      });
      periods.at(-1)!.to = at;
      periods.push({ stage: to, from: at, to: null });
      if (to === 'rejected') {
        rejection = {
          id: newId(),
          applicationId: id,
          at: iso(at),
          stageReached: stage === 'saved' ? 'applied' : stage,
          reasonGiven: random.chance(0.2) ? 'We have decided to progress with other candidates.' : null,
          messageId: null,
        };
      }
      if (to === 'offer') offers.push({ applicationId: id, at });
      t = at;
      stage = to;
    }
    check(stageOf(history) === stage, `generator lost track of the stage of ${id}`);
    // A few edits along the way (a better URL, the job description pasted in later).
    if (random.chance(0.12)) {
      const at = Math.min(NOW_MS - 60_000, createdMs + random.int(1, 72) * MS_HOUR);
      push({
        kind: 'edited',
        at: iso(at),
        fromStage: null,
        toStage: null,
        source: null,
        detail: 'changed url',
      });
      history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
      history.forEach((e, i) => (e.seq = i + 1));
    }
    if (rejection) rejections.push(rejection);

    // Interviews for the stages that have them: a phone screen often, one or two rounds, a final.
    const list: Interview[] = [];
    for (const p of periods) {
      const kinds = INTERVIEW_KINDS_AT[p.stage];
      if (!kinds) continue;
      const count =
        p.stage === 'screening'
          ? random.chance(0.55)
            ? 1
            : 0
          : p.stage === 'interviewing'
            ? random.int(1, 2)
            : 1;
      const span = (p.to ?? p.from + 10 * MS_DAY) - p.from;
      for (let i = 0; i < count; i++) {
        const at = p.from + Math.floor(span * (0.15 + 0.7 * ((i + random.float()) / count)));
        const happened = at <= NOW_MS;
        const selfRating =
          happened && random.chance(0.7)
            ? random.weighted<number>([
                [1, 1],
                [2, 2],
                [3, 4],
                [4, 4],
                [5, 2],
              ])
            : null;
        if (selfRating !== null) expected.interviewsRated++;
        list.push({
          id: newId(),
          applicationId: id,
          kind: random.pick(kinds),
          at: iso(at),
          interviewerIds: [],
          notes: random.chance(0.3) ? 'Asked about a time I handled a difficult situation.' : null,
          replyExpectedBy: null,
          selfRating,
          selfAssessment:
            selfRating !== null && random.chance(0.3) ? 'Felt I could have used better examples.' : null,
          createdAt: iso(Math.max(p.from, at - 3 * MS_DAY)),
        });
      }
    }
    if (list.length > 0) interviews.set(id, list);
    events.set(id, history);

    const lastActivity = Math.max(
      ...history.map((e) => Date.parse(e.at)),
      ...list.map((iv) => Date.parse(iv.createdAt)),
    );
    const jd = random.chance(0.9) ? jobDescription(random, occ, role, company.name) : null;
    const workplace = random.weighted(occ.workplace);
    const resumeVersion =
      occ.dataResume && createdMs >= dataResumeFrom && random.chance(0.8)
        ? 'data-2026'
        : random.chance(0.85)
          ? 'general'
          : null;
    applications.push({
      id,
      companyId: company.id,
      role,
      url: random.chance(0.8) ? `https://jobs.example/${id}` : null,
      source: random.chance(0.9) ? random.weighted(SOURCES) : null,
      location: workplace === 'remote' ? 'Remote (UK)' : random.pick(LOCATIONS),
      jobDescription: jd,
      fit: random.chance(0.7) ? random.int(1, 5) : null,
      workplace,
      resumeVersion,
      stage,
      createdAt: iso(createdMs),
      updatedAt: iso(lastActivity),
    });

    // Expected numbers, by the definitions the insights page states.
    const ladder = history.flatMap((e) => [e.toStage, e.fromStage]).filter((s): s is Stage => s !== null);
    if (rejection) ladder.push(rejection.stageReached);
    const reached = ladder.reduce<Stage>((best, s) => (ladderRank(s) > ladderRank(best) ? s : best), 'saved');
    const sent = history.some((e) => e.toStage && ladderRank(e.toStage) >= 1);
    expected.stages[stage] = (expected.stages[stage] ?? 0) + 1;
    if (jd) expected.withJobDescription++;
    if (jd && stage === 'rejected') expected.rejectedWithJobDescription.add(id);
    if (sent) {
      expected.sent++;
      expected.funnel.applied++;
      if (ladderRank(reached) >= ladderRank('screening') || rejection || list.length > 0)
        expected.funnel.response++;
      if (ladderRank(reached) >= ladderRank('screening')) expected.funnel.interview++;
      if (ladderRank(reached) >= ladderRank('final')) expected.funnel.final++;
      if (ladderRank(reached) >= ladderRank('offer')) expected.funnel.offer++;
    }
  }

  // 500 pieces of feedback: mostly after rejections that got to an interview, a few after offers.
  const stageWeight: Partial<Record<Stage, number>> = {
    applied: 0.03,
    screening: 0.6,
    interviewing: 1,
    final: 1.5,
    offer: 1.5,
  };
  const candidates: { applicationId: string; at: number; offer: boolean; key: number }[] = [];
  for (const r of rejections) {
    const w = stageWeight[r.stageReached] ?? 0;
    if (w > 0)
      candidates.push({
        applicationId: r.applicationId,
        at: Date.parse(r.at),
        offer: false,
        key: -Math.log(random.float()) / w,
      });
  }
  for (const o of offers) candidates.push({ ...o, offer: true, key: -Math.log(random.float()) / 1.2 });
  candidates.sort((a, b) => a.key - b.key);
  const chosen = candidates.slice(0, FEEDBACK_TEXTS);
  // Not enough candidates: a second piece of feedback for some (it happens: recruiter, then manager).
  for (let i = 0; chosen.length < FEEDBACK_TEXTS; i++) chosen.push(candidates[i % candidates.length]!);
  const themeWeights = FEEDBACK_LINES.map((t) => [t[2], t[1]] as const);
  const feedback: Feedback[] = chosen.map((c) => {
    const occ = occupationOf.get(c.applicationId)!;
    const skill = random.pick(occ.feedbackSkills);
    const lines: string[] = [];
    if (random.chance(0.4)) lines.push(random.pick(FEEDBACK_OPENERS));
    if (c.offer) {
      lines.push(...random.sample(OFFER_FEEDBACK, random.int(1, 2)));
    } else {
      const picked = new Set<string>();
      for (
        let i = 0,
          n = random.weighted<number>([
            [1, 3],
            [2, 5],
            [3, 2],
          ]);
        i < n;
        i++
      )
        picked.add(fill(random.pick(random.weighted(themeWeights)), { skill }));
      lines.push(...picked);
    }
    const text = lines.join(' ');
    const receivedAt = Math.min(NOW_MS - MS_HOUR, c.at + random.int(6, 12 * 24) * MS_HOUR);
    const name = random.chance(0.5) ? random.pick(GIVERS) : null;
    const themes = tagFeedback(text).map((tag) => ({
      theme: tag.theme,
      polarity: tag.polarity,
      sentence: tag.sentence,
    }));
    if (themes.length > 0) expected.feedbackTagged++;
    for (const tag of themes) {
      const e = expected.themes.get(tag.theme) ?? {
        negative: 0,
        negativeApps: new Set<string>(),
        positive: 0,
      };
      if (tag.polarity === 'negative') {
        e.negative++;
        e.negativeApps.add(c.applicationId);
      } else e.positive++;
      expected.themes.set(tag.theme, e);
    }
    return {
      id: newId(),
      applicationId: c.applicationId,
      text,
      fromContactId: null,
      fromName: name,
      themes,
      receivedAt: iso(receivedAt),
    };
  });

  // ~150 mood check-ins, lower in the days after a rejection; some tied to it.
  const rejectionTimes = rejections
    .map((r) => ({ at: Date.parse(r.at), id: r.applicationId }))
    .sort((a, b) => a.at - b.at);
  const checkInTimes = Array.from(
    { length: CHECK_INS },
    () => start + Math.floor(random.float() * (NOW_MS - start - MS_HOUR)),
  ).sort((a, b) => a - b);
  let mood = 3;
  const checkIns: MoodCheckIn[] = checkInTimes.map((at) => {
    const recent = rejectionTimes.filter((r) => r.at <= at && at - r.at <= 3 * MS_DAY).at(-1);
    mood = Math.max(1, Math.min(5, Math.round(mood + random.int(-1, 1) + (recent ? -0.6 : 0.3))));
    return {
      id: newId(),
      applicationId: recent && random.chance(0.6) ? recent.id : null,
      at: iso(at),
      mood,
      note: random.chance(0.25)
        ? random.pick([
            'Tired of waiting.',
            'Good call today.',
            'Another no.',
            'Feeling ok.',
            'Practised answers with a friend.',
          ])
        : null,
    };
  });

  const goal = (
    skillId: string,
    skillLabel: string,
    kind: LearningGoal['kind'],
    progress: number,
    daysAgo: number,
  ): LearningGoal => {
    const at = iso(NOW_MS - daysAgo * MS_DAY);
    return {
      id: newId(),
      skillId,
      skillLabel,
      kind,
      plan: `${kind === 'course' ? 'An online course' : 'A small project'} on ${skillLabel}`,
      target: null,
      progress,
      createdAt: at,
      updatedAt: at,
      doneAt: progress === 100 ? at : null,
    };
  };
  const goals = [
    goal('python', 'Python', 'course', 100, 260),
    goal('tableau', 'Tableau', 'project', 60, 120),
    goal('kubernetes', 'Kubernetes', 'course', 20, 45),
    goal('prince2', 'PRINCE2', 'course', 0, 10),
  ];

  return {
    companies: companies.map(({ sector: _s, ...c }) => c),
    applications,
    events,
    interviews,
    rejections,
    feedback,
    resumes,
    checkIns,
    goals,
    expected,
    occupationCounts,
  };
}

// ---------------------------------------------------------------------------------------------
// Loading: straight through the repositories, in a few transactions

async function load(store: Store, ctx: Context, data: Dataset): Promise<number> {
  const started = performance.now();
  await store.transaction(ctx.user.id, async (repos) => {
    for (const c of data.companies) await repos.companies.save(c);
    for (const r of data.resumes) await repos.resumes.save(r);
    for (const g of data.goals) await repos.learningGoals.save(g);
  });
  for (let from = 0; from < data.applications.length; from += BATCH) {
    const rows = data.applications.slice(from, from + BATCH);
    await store.transaction(ctx.user.id, async (repos) => {
      for (const a of rows) {
        await repos.applications.save(a);
        for (const e of data.events.get(a.id) ?? []) await repos.events.append(e);
        for (const i of data.interviews.get(a.id) ?? []) await repos.interviews.save(i);
      }
    });
    progress(
      `loaded ${(from + rows.length).toLocaleString('en')}/${data.applications.length.toLocaleString('en')} ` +
        `applications (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  await store.transaction(ctx.user.id, async (repos) => {
    for (const r of data.rejections) await repos.rejections.save(r);
    for (const f of data.feedback) await repos.feedback.save(f);
    for (const c of data.checkIns) await repos.checkIns.save(c);
  });
  progress(
    `loaded ${data.rejections.length} rejections, ${data.feedback.length} feedback, ${data.checkIns.length} check-ins`,
  );
  return performance.now() - started;
}

const COUNTED_TABLES = [
  'companies',
  'applications',
  'application_events',
  'interviews',
  'rejections',
  'feedback',
  'resumes',
  'mood_checkins',
  'learning_goals',
] as const;

// ---------------------------------------------------------------------------------------------
// Timing

interface Timing extends Summary {
  /** Median CPU time of this process per call (user + system, so the database server's is not in it). */
  cpu: number;
}

/**
 * Runs `call` spec.warmup times, then spec.reps times under the clock (and the profiler, when asked);
 * every result is checked afterwards, off the clock.
 */
async function time<T>(
  key: OperationKey,
  call: () => Promise<T>,
  verify: (result: T) => void = () => {},
): Promise<{ timing: Timing; last: T }> {
  const spec: OperationSpec = OPERATIONS[key];
  progress(`${spec.name.trim()}: ${spec.warmup} warm-up, ${spec.reps} timed`);
  for (let i = 0; i < spec.warmup; i++) verify(await call());
  const samples: number[] = [];
  const results: T[] = [];
  await profiler.start();
  const cpu: number[] = [];
  for (let i = 0; i < spec.reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    results.push(await call());
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  await profiler.stop(key, spec.reps);
  for (const r of results) verify(r);
  const cpuMedian = [...cpu].sort((a, b) => a - b)[Math.floor((cpu.length - 1) / 2)] ?? NaN;
  return { timing: { cpu: cpuMedian, ...summarise(samples) }, last: results.at(-1)! };
}

// ---------------------------------------------------------------------------------------------
// Profiling (ONWARD_BENCH_CPU_PROF=<dir>): where the time of each operation goes

const profiler = {
  session: undefined as Session | undefined,
  async start(): Promise<void> {
    if (!PROFILE_DIR) return;
    if (!this.session) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    }
    await this.session.post('Profiler.start');
  },
  async stop(key: OperationKey, reps: number): Promise<void> {
    if (!this.session) return;
    const { profile } = await this.session.post('Profiler.stop');
    const file = join(PROFILE_DIR ?? '.', `${CHILD}-${key}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    progress(
      `CPU profile of ${OPERATIONS[key].name.trim()} (${reps} calls): ${file}\n${hotspots(profile, reps)}`,
    );
  },
};

/** The functions that take the time, per call: by their own time, and with what they call. */
function hotspots(profile: Profiler.Profile, reps: number, top = 12): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const selfUs = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
  const nameOf = (n: Profiler.ProfileNode): string => {
    const f = n.callFrame;
    const file = f.url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (at === id) self.set(name, (self.get(name) ?? 0) + us);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([name]) => !name.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `    ${(us / 1000 / reps).toFixed(1).padStart(8)} ms/call  ${name}`)
      .join('\n');
  return (
    `  sampled ${(total / 1000 / reps).toFixed(0)} ms/call; own time:\n${list(self)}\n` +
    `  with what they call:\n${list(inclusive)}`
  );
}

const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------------------------------------
// Checks: the numbers must be right before their times mean anything

function checkReport(r: InsightsReport, data: Dataset, label: string): string[] {
  const x = data.expected;
  const passed: string[] = [];
  const ok = (condition: unknown, message: string, what: string) => {
    check(condition, `${label}: ${message}`);
    passed.push(what);
  };
  ok(r.totals.applications === APPLICATIONS, `totals.applications ${r.totals.applications}`, 'applications');
  ok(r.totals.sent === x.sent, `totals.sent ${r.totals.sent}, generated ${x.sent}`, 'sent');
  ok(
    r.totals.rejected === (x.stages.rejected ?? 0),
    `totals.rejected ${r.totals.rejected}, generated ${x.stages.rejected}`,
    'rejected',
  );
  const open = Object.entries(x.stages)
    .filter(([s]) => !isClosingStage(s as Stage) && s !== 'accepted')
    .reduce((n, [, c]) => n + c, 0);
  ok(r.totals.open === open, `totals.open ${r.totals.open}, generated ${open}`, 'open');
  ok(r.totals.feedback === FEEDBACK_TEXTS, `totals.feedback ${r.totals.feedback}`, 'feedback count');
  for (const row of r.funnel.rows) {
    const want = x.funnel[row.step];
    ok(row.count === want, `funnel ${row.step} ${row.count}, generated ${want}`, `funnel ${row.step}`);
  }
  // Themes: every count the page shows equals the tags stored with the feedback.
  for (const theme of FEEDBACK_THEMES) {
    const want = x.themes.get(theme);
    const got = r.themes.find((t) => t.theme === theme);
    if (!want) {
      ok(!got, `theme ${theme} shown but never tagged`, `theme ${theme}`);
      continue;
    }
    ok(
      got &&
        got.negative === want.negative &&
        got.negativeApplications === want.negativeApps.size &&
        got.positive === want.positive,
      `theme ${theme}: shown ${got ? `${got.negative}/${got.negativeApplications} apps/${got.positive}+` : 'nothing'}, ` +
        `tagged ${want.negative}/${want.negativeApps.size} apps/${want.positive}+`,
      `theme ${theme}`,
    );
  }
  const recurring = r.themes.filter((t) => t.recurring);
  ok(recurring.length >= 3, `only ${recurring.length} recurring themes`, 'recurring themes present');
  ok(
    recurring.every((t) => t.negativeApplications >= 2 && t.recurringSince && t.theme !== 'positive'),
    'a recurring theme without two applications or a date',
    'recurring themes well formed',
  );
  ok(
    recurring.some((t) => t.selfRating && t.comparison),
    'no recurring theme holds self-ratings against the feedback',
    'self-ratings held against themes',
  );
  // Skills.
  const s = r.skills;
  ok(s.resumes === 2, `skills.resumes ${s.resumes}`, 'résumés');
  ok(s.gaps.length > 0, 'no skill gaps', 'skill gaps non-empty');
  ok(
    (s.gaps[0]?.applications ?? 0) >= 10,
    `top gap in only ${s.gaps[0]?.applications} applications`,
    'top gap',
  );
  ok(
    s.gaps.every((g) => g.applicationIds.every((id) => x.rejectedWithJobDescription.has(id))),
    'a gap counts an application that was not rejected or has no job description',
    'gaps only from rejected applications',
  );
  ok(
    s.perApplication.length === Math.min(50, x.withJobDescription),
    `perApplication lists ${s.perApplication.length}`,
    'per-application list',
  );
  ok(
    s.perApplication.every((p) => p.required.length > 0 && p.coverage !== null),
    'a job description with no skill found',
    'every listed description names skills',
  );
  ok(s.goals.length === data.goals.length, `goals ${s.goals.length}`, 'learning goals');
  // The rest of the page.
  ok(r.weekly.length > 0 && r.weekly.some((w) => w.applied > 0), 'no weekly counts', 'weekly');
  ok(r.responseTime && r.ghosting, 'response time or ghosting missing', 'response time, ghosting');
  ok(r.refinement.outcomes >= r.refinement.minimumOutcomes, 'refinement without outcomes', 'refinement');
  ok(r.milestones.length > 0, 'no milestones', 'milestones');
  ok(r.mood.weeks.length > 0 && r.mood.recent.length === 20, 'mood missing', 'mood');
  ok(r.headlines.length >= 3, `${r.headlines.length} headlines`, 'headlines');
  return passed;
}

// ---------------------------------------------------------------------------------------------
// One dialect, in a child process

interface ChildResult {
  dialect: DialectName;
  version: string;
  loadMs: number;
  sizeBytes: number;
  counts: Record<string, number>;
  timings: Record<OperationKey, Timing>;
  reportBytes: number;
  rssAfterLoadMiB: number;
  rssPeakMiB: number;
  heapAfterMiB: number;
  checks: number;
  summary: {
    occupations: Record<string, number>;
    stages: Partial<Record<Stage, number>>;
    sent: number;
    funnel: Expected['funnel'];
    jdAverage: number;
    jdCount: number;
    feedbackTagged: number;
    interviewsRated: number;
    recurring: string[];
    topGaps: string[];
    gaps: number;
    headlines: string[];
    searchSteps: Record<string, number>;
  };
}

async function runChild(dialect: DialectName): Promise<ChildResult> {
  progress(`generating ${APPLICATIONS.toLocaleString('en')} applications (seed ${SEED})`);
  const data = generate(SEED);
  const target =
    dialect === 'sqlite'
      ? sqliteTarget('onward-bench-insights-', progress)
      : await postgresTarget(postgresUrl() ?? '', progress);
  cleanups.add(target.drop);
  let store: Store | undefined;
  const closeStore = async () => {
    const s = store;
    store = undefined;
    if (s) await s.close();
  };
  cleanups.add(closeStore);
  try {
    progress(`opening ${dialect === 'sqlite' ? target.target : redactUrl(target.target)}`);
    store = await Store.open(target.target);
    const ctx = await openContext(store, { now: NOW });
    check(
      ctx.user.timeZone === TIME_ZONE,
      `the seeker's time zone is ${ctx.user.timeZone}, expected ${TIME_ZONE}`,
    );
    const version = await databaseVersion(store);

    const loadMs = await load(store, ctx, data);
    const counts = await countRows(store, COUNTED_TABLES);
    const expectedCounts: Record<(typeof COUNTED_TABLES)[number], number> = {
      companies: data.companies.length,
      applications: data.applications.length,
      application_events: [...data.events.values()].reduce((s, l) => s + l.length, 0),
      interviews: [...data.interviews.values()].reduce((s, l) => s + l.length, 0),
      rejections: data.rejections.length,
      feedback: FEEDBACK_TEXTS,
      resumes: 2,
      mood_checkins: CHECK_INS,
      learning_goals: data.goals.length,
    };
    for (const [table, n] of Object.entries(expectedCounts)) {
      check(counts[table] === n, `${table} holds ${counts[table]} rows after loading, expected ${n}`);
    }
    const sizeBytes = await databaseSize(store, target.target, progress);
    const rssAfterLoadMiB = peakRssMiB();

    // The measurements, in the order a session meets them.
    const timings = {} as Record<OperationKey, Timing>;
    const cold = await time('insightsCold', () => insights(ctx));
    timings.insightsCold = cold.timing;
    const checks = checkReport(cold.last, data, dialect);
    const coldJson = JSON.stringify(cold.last);
    const warm = await time(
      'insightsWarm',
      () => insights(ctx),
      (r) => {
        check(JSON.stringify(r) === coldJson, 'a warm insights call differs from the cold one');
      },
    );
    timings.insightsWarm = warm.timing;

    const repos = store.forUser(ctx.user.id);
    const facts = await time(
      'facts',
      () => insightStepFacts(repos, ctx.user.id),
      (f) => {
        const recurring = cold.last.themes.filter((t) => t.recurring && t.recurringSince).map((t) => t.theme);
        check(
          f.recurringThemes.map((t) => t.theme).join() === recurring.join(),
          'insightStepFacts and insights disagree on the recurring themes',
        );
        check(
          f.skillGaps.length === cold.last.skills.gaps.length,
          'insightStepFacts and insights disagree on gaps',
        );
        check(f.skillsWithGoals.length === data.goals.filter((g) => !g.doneAt).length, 'skills with goals');
      },
    );
    timings.facts = facts.timing;

    const searchSteps = async () => {
      const steps = await repos.steps.forSearch();
      const byKind: Record<string, number> = {};
      for (const s of steps.filter((x) => x.state === 'open')) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
      return { total: steps.length, byKind };
    };
    const todayFirst = await time('todayFirst', () => today(ctx));
    timings.todayFirst = todayFirst.timing;
    const planned = await searchSteps();
    check(
      (planned.byKind.practice ?? 0) + (planned.byKind.learn ?? 0) > 0,
      `Today planned no practice or learn step (${JSON.stringify(planned.byKind)})`,
    );
    const todayRuns = await time(
      'today',
      () => today(ctx),
      (v) => {
        check(v.pipeline && v.nextMilestone, 'Today without pipeline or milestone');
      },
    );
    timings.today = todayRuns.timing;
    check((await searchSteps()).total === planned.total, 'Today added steps on a second run');

    // The parts insights reads, for where the database time goes.
    timings.listApps = (
      await time(
        'listApps',
        () => repos.applications.list({}),
        (rows) => check(rows.length === APPLICATIONS, 'applications.list'),
      )
    ).timing;
    timings.events = (await time('events', () => repos.events.all())).timing;
    timings.interviews = (await time('interviews', () => repos.interviews.all())).timing;
    timings.feedback = (await time('feedback', () => repos.feedback.all())).timing;

    const report = cold.last;
    const jds = data.applications.filter((a) => a.jobDescription);
    return {
      dialect,
      version,
      loadMs,
      sizeBytes,
      counts,
      timings,
      reportBytes: Buffer.byteLength(coldJson),
      rssAfterLoadMiB,
      rssPeakMiB: peakRssMiB(),
      heapAfterMiB: process.memoryUsage().heapUsed / 2 ** 20,
      checks: checks.length,
      summary: {
        occupations: data.occupationCounts,
        stages: data.expected.stages,
        sent: data.expected.sent,
        funnel: data.expected.funnel,
        jdAverage: jds.reduce((s, a) => s + (a.jobDescription?.length ?? 0), 0) / Math.max(1, jds.length),
        jdCount: jds.length,
        feedbackTagged: data.expected.feedbackTagged,
        interviewsRated: data.expected.interviewsRated,
        recurring: report.themes
          .filter((t) => t.recurring)
          .map((t) => `${t.theme} (${t.negativeApplications})`),
        topGaps: report.skills.gaps.slice(0, 6).map((g) => `${g.label} (${g.applications})`),
        gaps: report.skills.gaps.length,
        headlines: report.headlines,
        searchSteps: planned.byKind,
      },
    };
  } finally {
    await closeStore().catch((err: unknown) => progress(`could not close the store: ${errorText(err)}`));
    cleanups.delete(closeStore);
    await target.drop().catch((err: unknown) => progress(`could not remove the database: ${errorText(err)}`));
    cleanups.delete(target.drop);
  }
}

// ---------------------------------------------------------------------------------------------
// The parent: one child per dialect, then the table

let running: ReturnType<typeof spawn> | undefined;

function runDialect(dialect: DialectName): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      // The seeker's zone is fixed (weeks, streaks and local dates must not depend on the machine).
      env: { ...process.env, ONWARD_BENCH_INSIGHTS_CHILD: dialect, TZ: TIME_ZONE },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    running = child;
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running = undefined;
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new BenchFailure(`the ${dialect} run failed (${signal ?? `exit code ${code}`}); see above`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
    });
  });
}

const mib = (v: number): string => `${v.toFixed(0)} MiB`;

function report(results: ChildResult[], totalMs: number, loadBefore: number): void {
  const out: string[] = [];
  const first = results[0]!;
  const c = first.counts;
  const s = first.summary;
  out.push('Onward insights benchmark');
  out.push(
    `${machineLine()}; ` +
      `load average ${loadBefore.toFixed(1)} before the run (other work on the machine slows every number)`,
  );
  out.push(
    `data (seed ${SEED}): ${c.applications} applications to ${c.companies} companies over ${HISTORY_DAYS} days ` +
      `(now ${NOW}), ${c.application_events} events, ${c.interviews} interviews (${s.interviewsRated} self-rated), ` +
      `${c.rejections} rejections, ${c.feedback} feedback texts (${s.feedbackTagged} with a theme), ` +
      `${c.resumes} résumés, ${c.mood_checkins} check-ins, ${c.learning_goals} learning goals`,
  );
  out.push(
    `  job descriptions on ${s.jdCount}, ${Math.round(s.jdAverage)} chars on average; occupations: ` +
      Object.entries(s.occupations)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
  );
  out.push(
    '  final stages: ' +
      Object.entries(s.stages)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
  );
  out.push(
    `  funnel (generated, and what the page showed): sent ${s.funnel.applied}, heard back ${s.funnel.response}, ` +
      `screened or interviewed ${s.funnel.interview}, final ${s.funnel.final}, offer ${s.funnel.offer}`,
  );
  out.push(`  recurring themes: ${s.recurring.join(', ')}`);
  out.push(`  skill gaps: ${s.gaps}; most asked-for: ${s.topGaps.join(', ')}`);
  out.push(
    `  search-wide steps Today planned: ${Object.entries(s.searchSteps)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const h of s.headlines) out.push(`  headline: ${h}`);

  for (const r of results) {
    out.push('');
    out.push(
      `${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version}: loaded in ${(r.loadMs / 1000).toFixed(1)} s, ` +
        `database ${(r.sizeBytes / 2 ** 20).toFixed(1)} MiB; report JSON ${(r.reportBytes / 1024).toFixed(0)} KiB; ` +
        `peak RSS ${mib(r.rssAfterLoadMiB)} after loading, ${mib(r.rssPeakMiB)} at the end ` +
        `(heap ${mib(r.heapAfterMiB)}); ${r.checks} checks of the report passed`,
    );
    out.push(
      table(
        ['operation', 'reps', 'median ms', 'p95 ms', 'min ms', 'max ms', 'cpu ms'],
        (Object.keys(OPERATIONS) as OperationKey[]).map((k) => {
          const t = r.timings[k];
          return [
            OPERATIONS[k].name,
            String(t.reps),
            ms(t.median),
            ms(t.p95),
            ms(t.min),
            ms(t.max),
            ms(t.cpu),
          ];
        }),
        { trimEnd: true },
      ),
    );
    const sqliteWarm = r.timings.insightsWarm.median;
    const sqliteCold = r.timings.insightsCold.median;
    if (r.dialect === 'sqlite' && (sqliteWarm > WARM_BUDGET_MS || sqliteCold > COLD_BUDGET_MS)) {
      out.push(
        `over budget: insights warm ${ms(sqliteWarm)} ms (budget ${WARM_BUDGET_MS}), cold ${ms(sqliteCold)} ms ` +
          `(budget ${COLD_BUDGET_MS}); ONWARD_BENCH_CPU_PROF=<dir> profiles each operation`,
      );
    }
  }
  const sqlite = results.find((r) => r.dialect === 'sqlite');
  const postgres = results.find((r) => r.dialect === 'postgres');
  if (sqlite && postgres) {
    out.push('');
    out.push('PostgreSQL / SQLite (above 1: PostgreSQL is slower)');
    out.push(
      table(
        ['operation', 'sqlite median', 'postgres median', 'ratio'],
        [
          ...(Object.keys(OPERATIONS) as OperationKey[]).map((k) => {
            const [a, b] = [sqlite.timings[k], postgres.timings[k]];
            return [OPERATIONS[k].name, ms(a.median), ms(b.median), (b.median / a.median).toFixed(2)];
          }),
          [
            'load',
            `${(sqlite.loadMs / 1000).toFixed(1)} s`,
            `${(postgres.loadMs / 1000).toFixed(1)} s`,
            (postgres.loadMs / sqlite.loadMs).toFixed(2),
          ],
        ],
        { trimEnd: true },
      ),
    );
  }
  out.push('');
  out.push(`total run: ${(totalMs / 1000).toFixed(1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  check(
    Number.isSafeInteger(SEED),
    `ONWARD_BENCH_SEED must be a whole number, got "${process.env.ONWARD_BENCH_SEED}"`,
  );
  if (CHILD) {
    const result = await runChild(CHILD);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    return;
  }
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const pgUrl = postgresUrl();
  const dialects: DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!pgUrl)
    progress('PostgreSQL skipped: set ONWARD_TEST_PG or ONWARD_BENCH_PG to a postgres:// URL to include it');
  const results: ChildResult[] = [];
  for (const dialect of dialects) results.push(await runDialect(dialect));
  report(results, performance.now() - started, loadBefore);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    if (CHILD) {
      progress(`interrupted (${signal}): removing the benchmark database`);
      void cleanUp().finally(() => process.exit(130));
    } else {
      // The child removes its own database; the parent exits when it has.
      running?.kill(signal);
    }
  });
}

main().catch(async (err: unknown) => {
  await cleanUp();
  const kind = err instanceof BenchFailure ? 'check failed' : 'error';
  process.stderr.write(
    `\n${CHILD ? `[${CHILD}] ` : ''}insights benchmark failed (${kind}): ${errorText(err)}\n`,
  );
  if (!(err instanceof BenchFailure) && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
});
