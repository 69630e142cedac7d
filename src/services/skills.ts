/**
 * Skills as use-cases (practice 9): the seeker's résumés, the vocabulary (built in, plus ESCO when
 * imported), what each job description asks for against the résumé, the gaps summed over rejected
 * applications, and the learning goals that close them.
 */
import { createHash } from 'node:crypto';
import { invalidInput, notFound } from '../domain/errors.js';
import {
  skillGaps,
  type ApplicationSkills,
  type InsightApplication,
  type SkillGap,
} from '../domain/insights.js';
import { LEARNING_KINDS, type Id, type LearningGoal, type Resume, type Skill } from '../domain/model.js';
import { localDate } from '../domain/calendar.js';
import {
  BUILT_IN_SKILLS,
  compileVocabulary,
  matchSkills,
  mergeVocabularies,
  parseEscoSkillsCsv,
  skillsOf,
  type SkillMatcher,
} from '../text/skills.js';
import { readDocumentBuffer } from '../files/documents.js';
import { readEscoSkills } from '../files/esco.js';
import type { ApplicationSummary, Repositories } from '../store/index.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { resolveApplicationId, resolveId } from './lookups.js';
import { replanInsightSteps } from './playbook.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

const ESCO_SOURCE = 'esco';

/**
 * Compiling 100,000 labels takes a moment; the compiled matcher is kept per user and rebuilt only
 * when the imported part changes (its size and a checksum of its ids stand for its version).
 */
const compiled = new Map<string, { stamp: string; vocabulary: SkillMatcher }>();

async function vocabularyOf(
  repos: Repositories,
  userId: string,
): Promise<{ vocabulary: SkillMatcher; stamp: string }> {
  const count = await repos.vocabulary.count();
  const cached = compiled.get(userId);
  if (cached && cached.stamp.startsWith(`${count}:`)) return cached;
  const imported = count > 0 ? await repos.vocabulary.all() : [];
  const stamp = `${count}:${createHash('sha1')
    .update(imported.map((s) => s.id).join('\n'))
    .digest('hex')
    .slice(0, 12)}`;
  const vocabulary = compileVocabulary(
    imported.length ? mergeVocabularies(BUILT_IN_SKILLS, imported) : BUILT_IN_SKILLS,
  );
  const entry = { stamp, vocabulary };
  compiled.set(userId, entry);
  return entry;
}

/** Loads ESCO's skills_en.csv (its text) into the vocabulary, replacing an earlier import. */
export async function importEscoSkills(ctx: Context, csvText: string): Promise<EscoImport> {
  return storeEscoSkills(ctx, parseEscoSkillsCsv(csvText));
}

/** The same from a file: the ESCO classification zip, or skills_en.csv. */
export async function importEscoFile(ctx: Context, path: string): Promise<EscoImport> {
  return storeEscoSkills(ctx, await readEscoSkills(path));
}

export interface EscoImport {
  skills: number;
  labels: number;
}

async function storeEscoSkills(ctx: Context, skills: readonly Skill[]): Promise<EscoImport> {
  if (skills.length === 0)
    throw invalidInput(
      'no skills found: expected ESCO skills_en.csv with preferredLabel and altLabels columns',
    );
  await inTransaction(ctx, (repos) => repos.vocabulary.replaceSource(ESCO_SOURCE, skills));
  compiled.delete(ctx.user.id);
  return { skills: skills.length, labels: skills.reduce((n, s) => n + 1 + s.aliases.length, 0) };
}

export async function vocabularySize(ctx: Context): Promise<{ builtIn: number; imported: number }> {
  return { builtIn: BUILT_IN_SKILLS.length, imported: await reposOf(ctx).vocabulary.count() };
}

/** The skills found in any text (a job description pasted in, a résumé), for a quick look. */
export async function extractFromText(ctx: Context, text: string): Promise<Skill[]> {
  const { vocabulary } = await vocabularyOf(reposOf(ctx), ctx.user.id);
  return skillsOf(text, vocabulary).map(({ id, label, kind, aliases }) => ({ id, label, kind, aliases }));
}

// ---------------------------------------------------------------------------------------------
// Résumés

/** A résumé from a file's bytes (.txt, .md, .pdf, .docx), read to text first. */
export async function saveResumeFile(
  ctx: Context,
  input: { fileName: string; data: Uint8Array; version?: unknown },
): Promise<ResumeView> {
  const text = await readDocumentBuffer(input.data, input.fileName);
  return saveResume(ctx, { text, version: input.version, fileName: input.fileName });
}

export interface ResumeView extends Omit<Resume, 'text'> {
  words: number;
  skills: { id: string; label: string; kind: string }[];
  text?: string;
}

const MAX_RESUME = 200_000;

export async function saveResume(
  ctx: Context,
  input: { text?: unknown; version?: unknown; fileName?: unknown },
): Promise<ResumeView> {
  if (typeof input.text !== 'string' || !input.text.trim())
    throw invalidInput('the résumé is empty: give its text or a .txt, .md, .pdf or .docx file');
  if (input.text.length > MAX_RESUME) throw invalidInput('the résumé is longer than 200,000 characters');
  if (input.version != null && (typeof input.version !== 'string' || input.version.trim().length > 100))
    throw invalidInput('version: a short name such as "main" or "data-roles"');
  const version = (typeof input.version === 'string' && input.version.trim()) || 'main';
  const fileName = typeof input.fileName === 'string' && input.fileName ? input.fileName : null;
  const saved = await inTransaction(ctx, async (repos) => {
    const existing = await repos.resumes.byVersion(version);
    const resume: Resume = {
      id: existing?.id ?? ctx.newId(),
      version,
      fileName,
      text: (input.text as string).trim(),
      createdAt: ctx.now(),
    };
    await repos.resumes.save(resume);
    await replanInsightSteps(repos, ctx);
    return resume;
  });
  return resumeView(ctx, saved);
}

async function resumeView(ctx: Context, r: Resume, withText = false): Promise<ResumeView> {
  const { vocabulary } = await vocabularyOf(reposOf(ctx), ctx.user.id);
  const { text, ...rest } = r;
  return {
    ...rest,
    words: text.split(/\s+/).filter(Boolean).length,
    skills: skillsOf(text, vocabulary).map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    ...(withText ? { text } : {}),
  };
}

export async function listResumes(ctx: Context): Promise<ResumeView[]> {
  const all = await reposOf(ctx).resumes.all();
  return Promise.all(all.map((r) => resumeView(ctx, r)));
}

export async function getResume(ctx: Context, version: string): Promise<ResumeView> {
  const r = await reposOf(ctx).resumes.byVersion(version);
  if (!r) throw notFound('résumé', version);
  return resumeView(ctx, r, true);
}

export async function deleteResume(ctx: Context, version: string): Promise<void> {
  await inTransaction(ctx, async (repos) => {
    const r = await repos.resumes.byVersion(version);
    if (!r) throw notFound('résumé', version);
    await repos.resumes.delete(r.id);
  });
}

/** The résumé an application was sent with: its named version, else the newest. */
function resumeFor(resumes: readonly Resume[], version: string | null): Resume | null {
  if (resumes.length === 0) return null;
  const named = version ? resumes.find((r) => r.version === version) : undefined;
  return named ?? [...resumes].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Per application and across applications

export interface SkillMatch {
  applicationId: Id;
  company: string;
  role: string;
  /** The résumé version compared, or null when none is stored. */
  resumeVersion: string | null;
  hasJobDescription: boolean;
  required: { id: string; label: string; kind: string }[];
  matched: { id: string; label: string; kind: string }[];
  missing: { id: string; label: string; kind: string }[];
  /** matched / required, 0–1; null when the job description names no skill we know. */
  coverage: number | null;
}

const brief = (s: { id: string; label: string; kind: string }) => ({
  id: s.id,
  label: s.label,
  kind: s.kind,
});

/** Matching results per (vocabulary, job description, résumé): job descriptions rarely change. */
const matchCache = new Map<string, ReturnType<typeof matchSkills>>();
const MATCH_CACHE_LIMIT = 20_000;

function remember(key: string, m: ReturnType<typeof matchSkills>): void {
  if (matchCache.size >= MATCH_CACHE_LIMIT) matchCache.delete(matchCache.keys().next().value!);
  matchCache.set(key, m);
}

function cachedMatch(stamp: string, vocabulary: SkillMatcher, jd: string, resume: Resume | null) {
  const key = `${stamp}|${resume?.id ?? '-'}:${resume?.createdAt ?? ''}|${createHash('sha1').update(jd).digest('base64')}`;
  let m = matchCache.get(key);
  if (!m) {
    m = matchSkills(jd, resume?.text ?? '', vocabulary);
    remember(key, m);
  }
  return m;
}

export async function applicationSkills(ctx: Context, idOrPrefix: string): Promise<SkillMatch> {
  const repos = reposOf(ctx);
  const id = await resolveApplicationId(repos, idOrPrefix);
  const app = await repos.applications.get(id);
  if (!app) throw notFound('application', idOrPrefix);
  const [{ vocabulary, stamp }, resumes] = await Promise.all([
    vocabularyOf(repos, ctx.user.id),
    repos.resumes.all(),
  ]);
  const resume = resumeFor(resumes, app.resumeVersion);
  const jd = app.jobDescription ?? '';
  const m = cachedMatch(stamp, vocabulary, jd, resume);
  return {
    applicationId: app.id,
    company: app.companyName,
    role: app.role,
    resumeVersion: resume?.version ?? null,
    hasJobDescription: jd.trim().length > 0,
    required: m.required.map(brief),
    matched: resume ? m.matched.map(brief) : [],
    missing: resume ? m.missing.map(brief) : [],
    coverage: resume ? m.coverage : null,
  };
}

export interface SkillInsights {
  /** How many résumés are stored; without one, nothing is missing or matched. */
  resumes: number;
  vocabulary: { builtIn: number; imported: number };
  /** Applications with a job description, newest first (coverage of open ones is most useful). */
  perApplication: (ApplicationSkills & { resumeVersion: string | null })[];
  gaps: SkillGap[];
  goals: LearningGoal[];
}

/** Only this many applications are listed one by one; the gaps always count them all. */
const LISTED = 50;

export async function skillInsights(
  repos: Repositories,
  userId: string,
  apps: readonly InsightApplication[],
  rows: readonly ApplicationSummary[],
): Promise<SkillInsights> {
  const [resumes, goals, imported] = await Promise.all([
    repos.resumes.all(),
    repos.learningGoals.all(),
    repos.vocabulary.count(),
  ]);
  const { vocabulary, stamp } = await vocabularyOf(repos, userId);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const per: SkillInsights['perApplication'] = [];
  if (resumes.length > 0) {
    // The gaps need the rejected applications; the list shows the newest few. Nothing else is matched.
    const newest = new Set(
      rows
        .filter((r) => r.hasJobDescription)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
        .slice(0, LISTED)
        .map((r) => r.id),
    );
    const wanted = rows.filter((r) => r.hasJobDescription && (r.stage === 'rejected' || newest.has(r.id)));
    // An application's updatedAt moves with every edit of its job description: with the vocabulary and
    // the résumé it names a match, so only job descriptions not matched before are read.
    const keyOf = (row: ApplicationSummary, resume: Resume | null) =>
      `${stamp}|${resume?.id ?? '-'}:${resume?.createdAt ?? ''}|${row.id}:${row.updatedAt}:${row.jobDescriptionLength}`;
    const misses = wanted.filter((r) => !matchCache.has(keyOf(r, resumeFor(resumes, r.resumeVersion))));
    const texts = misses.length
      ? await repos.applications.jobDescriptions(misses.map((r) => r.id))
      : new Map();
    for (const row of wanted) {
      const resume = resumeFor(resumes, row.resumeVersion);
      const key = keyOf(row, resume);
      let m = matchCache.get(key);
      if (!m) {
        m = matchSkills(texts.get(row.id) ?? '', resume?.text ?? '', vocabulary);
        remember(key, m);
      }
      const info = byId.get(row.id);
      per.push({
        applicationId: row.id,
        company: row.companyName,
        role: row.role,
        rejected: row.stage === 'rejected',
        rejectedAt: row.stage === 'rejected' ? (info?.closedAt ?? null) : null,
        required: m.required.map(brief),
        matched: m.matched.map(brief),
        missing: m.missing.map(brief),
        coverage: m.coverage,
        resumeVersion: resume?.version ?? null,
      });
    }
  }
  const updated = new Map(rows.map((r) => [r.id, r.updatedAt]));
  per.sort((a, b) => {
    const ra = updated.get(a.applicationId)!;
    const rb = updated.get(b.applicationId)!;
    return ra < rb ? 1 : ra > rb ? -1 : 0;
  });
  return {
    resumes: resumes.length,
    vocabulary: { builtIn: BUILT_IN_SKILLS.length, imported },
    perApplication: per.slice(0, LISTED),
    gaps: skillGaps(per),
    goals,
  };
}

// ---------------------------------------------------------------------------------------------
// Learning goals

const resolveGoalId = (repos: Repositories, idOrPrefix: string) =>
  resolveId('learning goal', idOrPrefix, {
    exists: async (id) => (await repos.learningGoals.get(id)) !== undefined,
    startingWith: (prefix, limit) => repos.learningGoals.idsStartingWith(prefix, limit),
  });

export interface LearningGoalInput {
  skill?: unknown;
  /** The vocabulary id, when the goal is set from a listed gap. */
  skillId?: unknown;
  kind?: unknown;
  plan?: unknown;
  target?: unknown;
  progress?: unknown;
  done?: unknown;
}

function checkTarget(target: unknown): string | null {
  if (target == null || target === '') return null;
  if (
    typeof target !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(target) ||
    Number.isNaN(Date.parse(`${target}T00:00:00Z`))
  )
    throw invalidInput(`target: a date as YYYY-MM-DD, not "${String(target)}"`);
  return target;
}

function checkProgress(progress: unknown): number {
  const n = typeof progress === 'string' ? Number(progress) : progress;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100)
    throw invalidInput('progress: a whole number from 0 to 100 (per cent)');
  return n;
}

function checkKind(kind: unknown): LearningGoal['kind'] {
  if (typeof kind !== 'string' || !(LEARNING_KINDS as readonly string[]).includes(kind))
    throw invalidInput(`kind: one of ${LEARNING_KINDS.join(', ')}`);
  return kind as LearningGoal['kind'];
}

export async function addLearningGoal(ctx: Context, input: LearningGoalInput): Promise<LearningGoal> {
  if (typeof input.skill !== 'string' || !input.skill.trim())
    throw invalidInput('skill: name the skill to learn');
  const kind = checkKind(input.kind ?? 'course');
  const target = checkTarget(input.target);
  if (target && target < localDate(ctx.now(), ctx.user.timeZone))
    throw invalidInput(`target: ${target} is already past`);
  const progress = input.progress == null ? 0 : checkProgress(input.progress);
  if (input.plan != null && typeof input.plan !== 'string') throw invalidInput('plan: a few words');
  const repos = reposOf(ctx);
  const { vocabulary } = await vocabularyOf(repos, ctx.user.id);
  const name = input.skill.trim();
  // Known skills are stored by id so the gap closes; anything else is kept as the seeker wrote it.
  // A gap chosen from the insights names its exact entry; a typed name is looked up.
  const byId = typeof input.skillId === 'string' ? vocabulary.entry(input.skillId) : undefined;
  const known =
    byId ??
    skillsOf(name, vocabulary).find((s) => s.label.length >= name.length / 2) ??
    vocabulary.entry(name);
  const now = ctx.now();
  const goal: LearningGoal = {
    id: ctx.newId(),
    skillId: known?.id ?? `custom:${name.toLowerCase()}`,
    skillLabel: known?.label ?? name,
    kind,
    plan: typeof input.plan === 'string' ? input.plan.trim() || null : null,
    target,
    progress,
    createdAt: now,
    updatedAt: now,
    doneAt: progress === 100 ? now : null,
  };
  await inTransaction(ctx, async (r) => {
    await r.learningGoals.save(goal);
    await replanInsightSteps(r, ctx);
  });
  return goal;
}

export async function updateLearningGoal(
  ctx: Context,
  idOrPrefix: string,
  input: LearningGoalInput,
): Promise<LearningGoal> {
  return inTransaction(ctx, async (repos) => {
    const id = await resolveGoalId(repos, idOrPrefix);
    const goal = await repos.learningGoals.get(id);
    if (!goal) throw notFound('learning goal', idOrPrefix);
    const next: LearningGoal = { ...goal, updatedAt: ctx.now() };
    if (input.kind !== undefined) next.kind = checkKind(input.kind);
    if (input.target !== undefined) next.target = checkTarget(input.target);
    if (input.plan !== undefined) {
      if (input.plan !== null && typeof input.plan !== 'string') throw invalidInput('plan: a few words');
      next.plan = typeof input.plan === 'string' ? input.plan.trim() || null : null;
    }
    if (input.progress !== undefined) next.progress = checkProgress(input.progress);
    if (input.done === true) next.progress = 100;
    next.doneAt = next.progress === 100 ? (goal.doneAt ?? ctx.now()) : null;
    await repos.learningGoals.save(next);
    return next;
  });
}

export async function listLearningGoals(ctx: Context): Promise<LearningGoal[]> {
  return reposOf(ctx).learningGoals.all();
}

export async function deleteLearningGoal(ctx: Context, idOrPrefix: string): Promise<void> {
  await inTransaction(ctx, async (repos) => {
    const id = await resolveGoalId(repos, idOrPrefix);
    await repos.learningGoals.delete(id);
  });
}
