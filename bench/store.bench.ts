/**
 * Store benchmark: how the read use-cases behave on a realistic, large history.
 *
 *   npm run bench:store
 *   ONWARD_TEST_PG=postgres://postgres@127.0.0.1:5432/test npm run bench:store   # also PostgreSQL
 *
 * SQLite always runs, on a temporary file (WAL, as the store sets it). PostgreSQL runs when
 * ONWARD_BENCH_PG or ONWARD_TEST_PG holds a postgres:// URL: a fresh database is created for the
 * run and dropped afterwards. Both get the same data, generated from a seeded PRNG
 * (ONWARD_BENCH_SEED), and the same sequence of random ids to show. ONWARD_BENCH_KEEP=1 keeps the
 * databases afterwards (and says where they are), for EXPLAIN; drop them yourself.
 *
 * The data is loaded through the repositories, in batched transactions, not through the services
 * one call at a time (that would take many minutes); the load time is reported all the same.
 * Progress goes to stderr, the results to stdout.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { planMove, stageOf, type ApplicationEvent } from '../src/domain/events.js';
import {
  APPLICATION_SOURCES,
  INTERVIEW_KINDS,
  type Application,
  type Company,
  type Contact,
  type Interview,
  type Note,
} from '../src/domain/model.js';
import { isClosingStage, nextStages, type Stage } from '../src/domain/stages.js';
import {
  applicationTimeline,
  getApplication,
  listApplications,
  openContext,
  type Context,
  type ListQuery,
} from '../src/services/index.js';
import { redactUrl, Store, type DialectName } from '../src/store/index.js';
import { companyKey } from '../src/store/repositories/companies.js';
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
  progress,
  Random,
  summarise,
  table,
  type OperationSpec,
  type Summary,
} from './lib.js';

// ---------------------------------------------------------------------------------------------
// Parameters

const APPLICATIONS = 10_000;
const COMPANIES = 800;
const EVENTS_PER_APPLICATION = 10;
/** Applications written per transaction while loading. */
const BATCH = 500;
/** Transactions loading at once on PostgreSQL (within the store's pool of 10). */
const LOAD_PARALLEL_PG = 4;
const NOW = '2026-11-23T09:00:00.000Z';
const SEED = Number(process.env.ONWARD_BENCH_SEED ?? 20261123);

const OPERATIONS = {
  listAll: { name: 'list all (10,000, default sort)', warmup: 3, reps: 25 },
  listStage: { name: "list stage='interviewing'", warmup: 3, reps: 40 },
  listQuery: { name: "list q='analyst'", warmup: 3, reps: 25 },
  listLimit: { name: 'list limit=50', warmup: 10, reps: 200 },
  show: { name: 'show (getApplication, random id)', warmup: 50, reps: 500 },
  timeline: { name: 'timeline (random id)', warmup: 50, reps: 500 },
} satisfies Record<string, OperationSpec>;
type OperationKey = keyof typeof OPERATIONS;

// ---------------------------------------------------------------------------------------------
// The data set: generated once, loaded into every dialect

interface Dataset {
  companies: Company[];
  contacts: Contact[];
  applications: Application[];
  /** By application id. */
  events: Map<string, ApplicationEvent[]>;
  interviews: Map<string, Interview[]>;
  notes: Map<string, Note[]>;
  /** application id → contact ids linked to it (the interviewers, as addInterview links them). */
  links: Map<string, string[]>;
  companyName: Map<string, string>;
}

const COMPANY_FIRST = (
  'Northwind Bluebird Granite Harbour Juniper Kestrel Lumen Meridian Nimbus Orchard Pioneer ' +
  'Quarry Redwood Saffron Tidal Umber Vantage Willow Yarrow Zephyr Acorn Beacon Cobalt Delta ' +
  'Ember Fjord Glacier Heron Indigo Jasper Kite Larch Mosaic Nova Onyx Prism Quill Rowan ' +
  'Summit Thistle'
).split(' ');
const COMPANY_SECOND = (
  'Analytics Health Labs Logistics Energy Foods Bank Studios Systems Retail Insurance ' +
  'Robotics Media Partners Works Software Mobility Capital Learning Care'
).split(' ');
const COMPANY_SUFFIX = ['', '', '', ' Ltd', ' Inc', ' Group', ' & Co'];
const ROLES = (
  'Data Analyst|Senior Data Analyst|Business Analyst|Financial Analyst|Marketing Analyst|' +
  'Software Engineer|Senior Software Engineer|Backend Developer|Frontend Developer|' +
  'Data Engineer|Product Manager|Product Designer|UX Researcher|Project Manager|' +
  'Operations Manager|Customer Success Manager|Account Executive|Data Scientist|' +
  'Machine Learning Engineer|QA Engineer|Site Reliability Engineer|Technical Writer|' +
  'HR Business Partner|Recruiter'
).split('|');
const LOCATIONS = (
  'London|Manchester|Leeds|Bristol|Edinburgh|Glasgow|Birmingham|Cardiff|Belfast|Remote|' +
  'Remote (UK)|Hybrid, London|Dublin|Amsterdam|Berlin'
).split('|');
const JD_SENTENCES = [
  'We are looking for a curious, motivated person to join our growing team.',
  'You will work closely with engineers, designers and product managers to ship features our customers love.',
  'Experience with SQL and at least one programming language is expected.',
  'You will own projects end to end, from discovery to delivery, and share what you learn.',
  'We offer flexible working, 28 days of holiday, a learning budget and a pension with matched contributions.',
  'Our stack includes TypeScript, PostgreSQL, Kafka and a sprinkling of Python.',
  'You have strong written and verbal communication skills and enjoy explaining complex ideas simply.',
  'You will report to the head of the department and mentor junior colleagues.',
  'Familiarity with dashboards, reporting tools and spreadsheets is a plus.',
  'We value kindness, candour and craft, and we hire people who want to keep learning.',
  'The interview process has a short call, a take-home exercise and a final conversation with the team.',
  'You are comfortable with ambiguity and able to prioritise competing requests from stakeholders.',
  'Previous experience in a regulated industry such as finance or healthcare would be helpful.',
  'We are an equal opportunity employer and welcome applications from everyone.',
  'The salary range for this role is published in the listing, and we are happy to talk about it early.',
  'You will help define metrics, design experiments and turn data into decisions.',
  'You will join a cross-functional squad of six, working in two-week cycles.',
  'Some travel to our offices may be required, up to twice a month.',
];
const FIRST_NAMES = 'Dana Sam Alex Priya Jordan Chen Fatima Liam Noor Ola Ravi Zoe'.split(' ');
const LAST_NAMES = 'Lee Patel Smith Okafor Nowak García Kim Murphy Haddad Jensen'.split(' ');
const NOTE_TEXTS = [
  'Asked about SQL window functions',
  'Recruiter said they would reply within two weeks',
  'Follow up with the hiring manager on Friday',
  'Salary band is below what I am looking for',
  'Great conversation about the team culture',
  'Need to prepare a portfolio piece for the next round',
  'They mentioned a reorganisation is coming',
];
const EDIT_FIELDS = ['role', 'url', 'source', 'location', 'jobDescription', 'fit'] as const;

function generate(seed: number): Dataset {
  const random = new Random(seed);
  const newId = idMaker(random);
  const nowMs = Date.parse(NOW);

  // Companies, with unique names.
  const companies: Company[] = [];
  const keys = new Set<string>();
  while (companies.length < COMPANIES) {
    let name = `${random.pick(COMPANY_FIRST)} ${random.pick(COMPANY_SECOND)}${random.pick(COMPANY_SUFFIX)}`;
    if (keys.has(companyKey(name))) name = `${name} ${random.int(2, 99)}`;
    if (keys.has(companyKey(name))) continue;
    keys.add(companyKey(name));
    companies.push({
      id: newId(),
      name,
      website: random.chance(0.6) ? `https://${companyKey(name).replace(/[^a-z0-9]+/g, '-')}.example` : null,
      notes: null,
      createdAt: iso(nowMs - random.int(400, 800) * MS_DAY),
    });
  }
  const companyName = new Map(companies.map((c) => [c.id, c.name]));

  // A few people at most companies: recruiters and interviewers.
  const contacts: Contact[] = [];
  const contactsByCompany = new Map<string, Contact[]>();
  for (const company of companies) {
    const slug = companyKey(company.name).replace(/[^a-z0-9]+/g, '');
    const people: Contact[] = [];
    for (let i = 0, n = random.int(0, 4); i < n; i++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      people.push({
        id: newId(),
        name: `${first} ${last}`,
        email: `${first.toLowerCase()}.${i}@${slug}.example`,
        role: i === 0 ? 'recruiter' : 'interviewer',
        companyId: company.id,
        phone: null,
        linkedin: null,
        notes: null,
        createdAt: company.createdAt,
      });
    }
    contacts.push(...people);
    contactsByCompany.set(company.id, people);
  }

  const applications: Application[] = [];
  const events = new Map<string, ApplicationEvent[]>();
  const interviews = new Map<string, Interview[]>();
  const notes = new Map<string, Note[]>();
  const links = new Map<string, string[]>();

  for (let n = 0; n < APPLICATIONS; n++) {
    // A skewed spread: a few companies get many applications, most get a handful.
    const company = companies[Math.floor(random.float() ** 1.6 * companies.length)] ?? companies[0];
    if (!company) throw new Error('no companies');
    const id = newId();
    const role = random.pick(ROLES);
    const jd: string[] = [];
    for (let i = 0, k = random.int(6, 22); i < k; i++) jd.push(random.pick(JD_SENTENCES));
    // A few descriptions mention the word outside the role, so q=analyst also has to read them.
    if (random.chance(0.05)) jd.push('Previous experience as an analyst is welcome.');

    // The history: created, then 9 more events (stage moves and edits) at increasing times, all in the past.
    const start = nowMs - random.int(20, 730) * MS_DAY - random.int(0, 86_399) * 1000;
    const span = (nowMs - start) * (0.3 + 0.65 * random.float());
    const weights = Array.from({ length: EVENTS_PER_APPLICATION - 1 }, () => 0.2 + random.float());
    const total = weights.reduce((s, w) => s + w, 0);
    const history: ApplicationEvent[] = [];
    let at = start;
    let stage: Stage = random.chance(0.15) ? 'saved' : 'applied';
    history.push({
      id: newId(),
      applicationId: id,
      seq: 1,
      kind: 'created',
      at: iso(at),
      fromStage: null,
      toStage: stage,
      source: null,
      detail: null,
    });
    for (let seq = 2; seq <= EVENTS_PER_APPLICATION; seq++) {
      at += Math.max(60_000, Math.floor((span * (weights[seq - 2] ?? 1)) / total));
      const when = iso(at);
      const editChance = isClosingStage(stage) || stage === 'accepted' ? 0.85 : 0.35;
      if (random.chance(editChance)) {
        const fields = new Set([random.pick(EDIT_FIELDS), random.pick(EDIT_FIELDS)]);
        history.push({
          id: newId(),
          applicationId: id,
          seq,
          kind: 'edited',
          at: when,
          fromStage: null,
          toStage: null,
          source: null,
          detail: `changed ${[...fields].join(', ')}`,
        });
        continue;
      }
      const from: Stage = stage;
      const to: Stage = random.weighted<Stage>(
        nextStages(from).map((s): [Stage, number] => {
          if (s === 'accepted') return [s, 3];
          if (s === 'rejected') return [s, 2];
          if (s === 'no_response') return [s, 1];
          if (s === 'withdrawn') return [s, 0.4];
          if (isClosingStage(from)) return [s, s === 'applied' || s === 'screening' ? 1 : 0.3];
          // Forward: the next stage is the likeliest; skipping ahead happens.
          return [s, nextStages(from)[0] === s ? 6 : 1];
        }),
      );
      const planned = planMove(history, to, when);
      check(
        planned.ok,
        `generator made an invalid move ${from} → ${to}: ${planned.ok ? '' : planned.reason}`,
      );
      const withNote = random.chance(0.2);
      history.push({
        id: newId(),
        applicationId: id,
        seq,
        kind: planned.eventKind,
        at: when,
        fromStage: planned.from,
        toStage: planned.to,
        source: random.chance(0.1) ? 'email' : null,
        detail: withNote ? random.pick(NOTE_TEXTS) : null,
      });
      stage = to;
    }
    check(stageOf(history) === stage, `generator lost track of the stage of ${id}`);
    let lastActivity = at;

    // Interviews for applications that got that far: a couple, after the move, with 1–2 of the company's people.
    const interviewMove = history.find((e) => e.toStage === 'interviewing' || e.toStage === 'final');
    const people = contactsByCompany.get(company.id) ?? [];
    if (interviewMove) {
      const list: Interview[] = [];
      const linked = new Set<string>();
      const from = Date.parse(interviewMove.at);
      for (let i = 0, k = random.int(1, 3); i < k; i++) {
        const when = Math.min(nowMs, from + random.int(1, 14 * 24) * MS_HOUR);
        const interviewerIds: string[] = [];
        if (people.length > 0) {
          for (let j = 0, m = random.int(1, 2); j < m; j++) interviewerIds.push(random.pick(people).id);
        }
        for (const c of interviewerIds) linked.add(c);
        list.push({
          id: newId(),
          applicationId: id,
          kind: random.pick(INTERVIEW_KINDS),
          at: iso(when),
          interviewerIds: [...new Set(interviewerIds)],
          notes: random.chance(0.5) ? random.pick(NOTE_TEXTS) : null,
          selfRating: random.chance(0.5) ? random.int(1, 5) : null,
          selfAssessment: null,
          replyExpectedBy: null,
          createdAt: iso(when),
        });
        lastActivity = Math.max(lastActivity, when);
      }
      interviews.set(id, list);
      if (linked.size > 0) links.set(id, [...linked]);
    }

    // Notes on about a third.
    if (random.chance(0.35)) {
      const list: Note[] = [];
      for (let i = 0, k = random.int(1, 3); i < k; i++) {
        const when = start + Math.floor(random.float() * (nowMs - start));
        list.push({ id: newId(), applicationId: id, text: random.pick(NOTE_TEXTS), at: iso(when) });
        lastActivity = Math.max(lastActivity, when);
      }
      notes.set(id, list);
    }

    events.set(id, history);
    const location = random.chance(0.9) ? random.pick(LOCATIONS) : null;
    applications.push({
      id,
      companyId: company.id,
      role,
      url: random.chance(0.8) ? `https://jobs.example/${id}` : null,
      source: random.chance(0.85) ? random.pick(APPLICATION_SOURCES) : null,
      location,
      jobDescription: random.chance(0.9) ? jd.join(' ') : null,
      fit: random.chance(0.7) ? random.int(1, 5) : null,
      workplace: null,
      resumeVersion: null,
      stage,
      createdAt: iso(start),
      updatedAt: iso(lastActivity),
    });
  }

  return { companies, contacts, applications, events, interviews, notes, links, companyName };
}

/** What listApplications should return for `q` (one word), computed without the database. */
function expectedQueryMatches(data: Dataset, word: string): number {
  const w = word.toLowerCase();
  return data.applications.filter((a) =>
    [
      a.role,
      companyKey(data.companyName.get(a.companyId) ?? ''),
      a.location ?? '',
      a.jobDescription ?? '',
    ].some((text) => text.toLowerCase().includes(w)),
  ).length;
}

// ---------------------------------------------------------------------------------------------
// Loading

async function load(store: Store, ctx: Context, data: Dataset, label: string): Promise<number> {
  const started = performance.now();
  await store.transaction(ctx.user.id, async (repos) => {
    for (const c of data.companies) await repos.companies.save(c);
    for (const c of data.contacts) await repos.contacts.save(c);
  });
  progress(`[${label}] loaded ${data.companies.length} companies and ${data.contacts.length} contacts`);
  const batches: Application[][] = [];
  for (let from = 0; from < data.applications.length; from += BATCH) {
    batches.push(data.applications.slice(from, from + BATCH));
  }
  // SQLite has one writer; PostgreSQL takes a few transactions at once, which hides the round trips.
  const parallel = store.dialect === 'postgres' ? LOAD_PARALLEL_PG : 1;
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      const rows = batch;
      await store.transaction(ctx.user.id, async (repos) => {
        for (const a of rows) {
          await repos.applications.save(a);
          for (const e of data.events.get(a.id) ?? []) await repos.events.append(e);
          for (const contactId of data.links.get(a.id) ?? []) {
            await repos.contacts.linkToApplication(a.id, contactId);
          }
          for (const i of data.interviews.get(a.id) ?? []) await repos.interviews.save(i);
          for (const n of data.notes.get(a.id) ?? []) await repos.notes.save(n);
        }
      });
      done += rows.length;
      if (done % 2000 === 0 || done === data.applications.length) {
        progress(
          `[${label}] loaded ${done.toLocaleString('en')}/${data.applications.length.toLocaleString('en')} ` +
            `applications (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return performance.now() - started;
}

const COUNTED_TABLES = [
  'companies',
  'contacts',
  'applications',
  'application_events',
  'interviews',
  'notes',
] as const;

// ---------------------------------------------------------------------------------------------
// Timing

interface Timing extends Summary {
  /** Rows returned (lists) or entries shown (show: events + interviews + notes; timeline), on average. */
  rows: number;
}

/**
 * Runs `call` spec.warmup times, then spec.reps times under the clock; every result is checked with
 * `verify`, off the clock. `call` is given the repetition number, so random ids are the same for every dialect.
 */
async function time<T>(
  spec: OperationSpec,
  label: string,
  call: (rep: number) => Promise<T>,
  verify: (result: T, rep: number) => void,
  size: (result: T) => number,
): Promise<Timing> {
  progress(`[${label}] ${spec.name}: ${spec.warmup} warm-up, ${spec.reps} timed`);
  for (let i = 0; i < spec.warmup; i++) verify(await call(i), i);
  const samples: number[] = [];
  let sizes = 0;
  for (let i = 0; i < spec.reps; i++) {
    const t0 = performance.now();
    const result = await call(spec.warmup + i);
    samples.push(performance.now() - t0);
    sizes += size(result);
    verify(result, spec.warmup + i); // outside the clock
  }
  return { ...summarise(samples), rows: spec.reps > 0 ? sizes / spec.reps : 0 };
}

async function measure(ctx: Context, data: Dataset, label: string): Promise<Record<OperationKey, Timing>> {
  const byId = new Map(data.applications.map((a) => [a.id, a]));
  const ids = data.applications.map((a) => a.id);
  // Random ids from their own seeded stream: both dialects show the same applications in the same order.
  const randomIds = (salt: number, count: number): string[] => {
    const r = new Random(SEED ^ salt);
    return Array.from({ length: count }, () => r.pick(ids));
  };
  const showIds = randomIds(0x5157, OPERATIONS.show.warmup + OPERATIONS.show.reps);
  const timelineIds = randomIds(0x7173, OPERATIONS.timeline.warmup + OPERATIONS.timeline.reps);

  const expectedInterviewing = data.applications.filter((a) => a.stage === 'interviewing').length;
  const expectedAnalyst = expectedQueryMatches(data, 'analyst');
  const expectedOrder = [...data.applications]
    .sort((a, b) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1,
    )
    .map((a) => a.id);

  const list = (query: ListQuery) => () => listApplications(ctx, query);
  const out = {} as Record<OperationKey, Timing>;

  out.listAll = await time(
    OPERATIONS.listAll,
    label,
    list({}),
    (rows) => {
      check(rows.length === APPLICATIONS, `list all returned ${rows.length} rows, expected ${APPLICATIONS}`);
      check(
        rows[0]?.id === expectedOrder[0],
        `list all starts with ${rows[0]?.id}, expected ${expectedOrder[0]}`,
      );
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        check(
          a && b && a.updatedAt >= b.updatedAt,
          `list all is not sorted by updatedAt, newest first (row ${i})`,
        );
      }
    },
    (rows) => rows.length,
  );
  out.listStage = await time(
    OPERATIONS.listStage,
    label,
    list({ stage: 'interviewing' }),
    (rows) => {
      check(
        rows.length === expectedInterviewing,
        `stage filter returned ${rows.length}, expected ${expectedInterviewing}`,
      );
      check(
        rows.every((r) => r.stage === 'interviewing'),
        'stage filter returned an application at another stage',
      );
    },
    (rows) => rows.length,
  );
  out.listQuery = await time(
    OPERATIONS.listQuery,
    label,
    list({ q: 'analyst' }),
    (rows) =>
      check(
        rows.length === expectedAnalyst,
        `q=analyst returned ${rows.length}, expected ${expectedAnalyst}`,
      ),
    (rows) => rows.length,
  );
  out.listLimit = await time(
    OPERATIONS.listLimit,
    label,
    list({ limit: 50 }),
    (rows) => {
      check(rows.length === 50, `limit=50 returned ${rows.length} rows`);
      check(
        rows.every((r, i) => r.id === expectedOrder[i]),
        'limit=50 is not the first 50 of the full list',
      );
    },
    (rows) => rows.length,
  );
  out.show = await time(
    OPERATIONS.show,
    label,
    (rep) => getApplication(ctx, showIds[rep] ?? ''),
    (view, rep) => {
      const id = showIds[rep] ?? '';
      const want = byId.get(id);
      check(want && view.id === id, `show ${id} returned ${view.id}`);
      check(view.stage === want.stage, `show ${id}: stage ${view.stage}, expected ${want.stage}`);
      check(view.companyName === data.companyName.get(want.companyId), `show ${id}: wrong company`);
      check(view.events.length === EVENTS_PER_APPLICATION, `show ${id}: ${view.events.length} events`);
      check(
        view.interviews.length === (data.interviews.get(id)?.length ?? 0),
        `show ${id}: wrong interview count`,
      );
      check(view.notes.length === (data.notes.get(id)?.length ?? 0), `show ${id}: wrong note count`);
      check(view.contacts.length === (data.links.get(id)?.length ?? 0), `show ${id}: wrong contact count`);
    },
    (view) => view.events.length + view.interviews.length + view.notes.length,
  );
  out.timeline = await time(
    OPERATIONS.timeline,
    label,
    (rep) => applicationTimeline(ctx, timelineIds[rep] ?? ''),
    (entries, rep) => {
      const id = timelineIds[rep] ?? '';
      const want =
        EVENTS_PER_APPLICATION + (data.interviews.get(id)?.length ?? 0) + (data.notes.get(id)?.length ?? 0);
      check(entries.length === want, `timeline ${id}: ${entries.length} entries, expected ${want}`);
      for (let i = 1; i < entries.length; i++) {
        check((entries[i - 1]?.at ?? '') <= (entries[i]?.at ?? ''), `timeline ${id} is not in time order`);
      }
    },
    (entries) => entries.length,
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// One dialect, start to finish

interface DialectResult {
  dialect: DialectName;
  version: string;
  loadMs: number;
  sizeBytes: number;
  counts: Record<string, number>;
  timings: Record<OperationKey, Timing>;
}

async function runDialect(
  dialect: DialectName,
  data: Dataset,
  pgUrl: string | undefined,
): Promise<DialectResult> {
  const say = (message: string) => progress(`[${dialect}] ${message}`);
  const target =
    dialect === 'sqlite' ? sqliteTarget('onward-bench-', say) : await postgresTarget(pgUrl ?? '', say);
  cleanups.add(target.drop);
  let store: Store | undefined;
  let closed = false;
  const closeStore = async () => {
    if (closed || !store) return;
    closed = true;
    await store.close();
  };
  cleanups.add(closeStore);
  try {
    progress(`[${dialect}] opening ${dialect === 'sqlite' ? target.target : redactUrl(target.target)}`);
    store = await Store.open(target.target);
    const ctx = await openContext(store, { now: NOW });

    const version = await databaseVersion(store);
    if (dialect === 'sqlite') {
      const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows[0]
        ?.journal_mode;
      check(mode === 'wal', `SQLite journal mode is ${mode}, expected wal`);
    }

    const loadMs = await load(store, ctx, data, dialect);
    const counts = await countRows(store, COUNTED_TABLES);
    const expected: Record<string, number> = {
      companies: data.companies.length,
      contacts: data.contacts.length,
      applications: data.applications.length,
      application_events: [...data.events.values()].reduce((s, l) => s + l.length, 0),
      interviews: [...data.interviews.values()].reduce((s, l) => s + l.length, 0),
      notes: [...data.notes.values()].reduce((s, l) => s + l.length, 0),
    };
    for (const [table, n] of Object.entries(expected)) {
      check(
        counts[table] === n,
        `${dialect}: ${table} holds ${counts[table]} rows after loading, expected ${n}`,
      );
    }

    // PostgreSQL is first vacuumed, as autovacuum would have done by now after 140,000 inserts.
    const sizeBytes = await databaseSize(store, target.target, say);

    const timings = await measure(ctx, data, dialect);
    return { dialect, version, loadMs, sizeBytes, counts, timings };
  } finally {
    await closeStore().catch((err: unknown) =>
      progress(`[${dialect}] could not close the store: ${errorText(err)}`),
    );
    cleanups.delete(closeStore);
    await target
      .drop()
      .catch((err: unknown) => progress(`[${dialect}] could not remove the database: ${errorText(err)}`));
    cleanups.delete(target.drop);
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function report(results: DialectResult[], data: Dataset, totalMs: number): void {
  const out: string[] = [];
  out.push('Onward store benchmark');
  out.push(machineLine());
  const counts = results[0]?.counts ?? {};
  const jd = data.applications.filter((a) => a.jobDescription);
  const jdAvg = jd.reduce((s, a) => s + (a.jobDescription?.length ?? 0), 0) / Math.max(1, jd.length);
  out.push(
    `data (seed ${SEED}): ${counts.applications} applications, ${counts.companies} companies, ` +
      `${counts.application_events} events, ${counts.interviews} interviews, ${counts.notes} notes, ` +
      `${counts.contacts} contacts; job descriptions on ${jd.length}, ${Math.round(jdAvg)} chars on average`,
  );
  for (const r of results) {
    out.push('');
    out.push(
      `${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version}: loaded in ${(r.loadMs / 1000).toFixed(1)} s ` +
        `(${Math.round((data.applications.length / r.loadMs) * 1000)} applications/s, batches of ${BATCH}${r.dialect === 'postgres' ? `, ${LOAD_PARALLEL_PG} at a time` : ''}), ` +
        `database ${(r.sizeBytes / 2 ** 20).toFixed(1)} MiB`,
    );
    out.push(
      table(
        ['operation', 'rows', 'reps', 'median ms', 'p95 ms', 'min ms', 'max ms'],
        (Object.keys(OPERATIONS) as OperationKey[]).map((k) => {
          const t = r.timings[k];
          return [
            OPERATIONS[k].name,
            Number.isInteger(t.rows) ? String(t.rows) : t.rows.toFixed(1),
            String(t.reps),
            ms(t.median),
            ms(t.p95),
            ms(t.min),
            ms(t.max),
          ];
        }),
      ),
    );
  }
  const sqlite = results.find((r) => r.dialect === 'sqlite');
  const postgres = results.find((r) => r.dialect === 'postgres');
  if (sqlite && postgres) {
    out.push('');
    out.push('PostgreSQL / SQLite (above 1: PostgreSQL is slower)');
    out.push(
      table(
        ['operation', 'sqlite median', 'postgres median', 'ratio median', 'ratio p95'],
        [
          ...(Object.keys(OPERATIONS) as OperationKey[]).map((k) => {
            const [s, p] = [sqlite.timings[k], postgres.timings[k]];
            return [
              OPERATIONS[k].name,
              ms(s.median),
              ms(p.median),
              (p.median / s.median).toFixed(2),
              (p.p95 / s.p95).toFixed(2),
            ];
          }),
          [
            'load',
            `${(sqlite.loadMs / 1000).toFixed(1)} s`,
            `${(postgres.loadMs / 1000).toFixed(1)} s`,
            (postgres.loadMs / sqlite.loadMs).toFixed(2),
            '',
          ],
        ],
      ),
    );
  }
  out.push('');
  out.push(`total run: ${(totalMs / 1000).toFixed(1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  check(
    Number.isSafeInteger(SEED),
    `ONWARD_BENCH_SEED must be a whole number, got "${process.env.ONWARD_BENCH_SEED}"`,
  );
  const pgUrl = postgresUrl();
  const dialects: DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!pgUrl)
    progress('PostgreSQL skipped: set ONWARD_TEST_PG or ONWARD_BENCH_PG to a postgres:// URL to include it');

  progress(`generating ${APPLICATIONS.toLocaleString('en')} applications (seed ${SEED})`);
  const data = generate(SEED);
  const results: DialectResult[] = [];
  for (const dialect of dialects) results.push(await runDialect(dialect, data, pgUrl));
  report(results, data, performance.now() - started);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`interrupted (${signal}): removing the benchmark databases`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().catch(async (err: unknown) => {
  await cleanUp();
  const kind = err instanceof BenchFailure ? 'check failed' : 'error';
  process.stderr.write(`\nstore benchmark failed (${kind}): ${errorText(err)}\n`);
  if (!(err instanceof BenchFailure) && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
});
