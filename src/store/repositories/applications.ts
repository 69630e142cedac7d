import { sql } from 'kysely';
import type { Application, Workplace } from '../../domain/model.js';
import type { Stage } from '../../domain/stages.js';
import type { ApplicationsTable } from '../schema.js';
import { likePattern, UserScoped } from './base.js';

export interface ApplicationRow extends Application {
  companyName: string;
}

/** An application without its job description (which can be long), and whether it has one. */
export type ApplicationSummary = Omit<ApplicationRow, 'jobDescription'> & {
  hasJobDescription: boolean;
  /** Its length in characters: with updatedAt, tells a cached reading of it from a stale one. */
  jobDescriptionLength: number;
};

export const APPLICATION_SORTS = ['updated', 'created', 'company', 'role', 'stage', 'fit'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export interface ApplicationFilter {
  stages?: readonly Stage[];
  companyId?: string;
  source?: string;
  /** Words to find in the role, company, location or job description. */
  q?: string;
  sort?: ApplicationSort;
  descending?: boolean;
  limit?: number;
  offset?: number;
}

type Joined = ApplicationsTable & { company_name: string };

const toApplication = (r: ApplicationsTable): Application => ({
  id: r.id,
  companyId: r.company_id,
  role: r.role,
  url: r.url,
  source: r.source,
  location: r.location,
  jobDescription: r.job_description,
  fit: r.fit,
  workplace: (r.workplace as Workplace | null) ?? null,
  resumeVersion: r.resume_version ?? null,
  stage: r.stage as Stage,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (r: Joined): ApplicationRow => ({ ...toApplication(r), companyName: r.company_name });

const SORT_COLUMNS = {
  updated: 'a.updated_at',
  created: 'a.created_at',
  company: 'c.name_key',
  role: 'a.role',
  stage: 'a.stage',
  fit: 'a.fit',
} as const;

export class ApplicationRepository extends UserScoped {
  private joined() {
    return this.db
      .selectFrom('applications as a')
      .innerJoin('companies as c', 'c.id', 'a.company_id')
      .selectAll('a')
      .select('c.name as company_name')
      .where('a.user_id', '=', this.userId);
  }

  async get(id: string): Promise<ApplicationRow | undefined> {
    const row = await this.joined().where('a.id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  /** Ids that exist for this user, out of those asked for. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('applications')
      .select('id')
      .where('user_id', '=', this.userId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Ids that start with `prefix`, at most `limit` of them (for short ids typed at the CLI). */
  async idsStartingWith(prefix: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('applications')
      .select('id')
      .where('user_id', '=', this.userId)
      .where('id', 'like', `${prefix.replace(/[\\%_]/g, '')}%`)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Every application, newest change first, without the job descriptions: for work over all of them. */
  async summaries(): Promise<ApplicationSummary[]> {
    const rows = await this.db
      .selectFrom('applications as a')
      .innerJoin('companies as c', 'c.id', 'a.company_id')
      .select([
        'a.id',
        'a.company_id',
        'a.role',
        'a.url',
        'a.source',
        'a.location',
        'a.fit',
        'a.workplace',
        'a.resume_version',
        'a.stage',
        'a.created_at',
        'a.updated_at',
        'c.name as company_name',
      ])
      .select(
        sql<number>`case when coalesce(trim(a.job_description), '') = '' then 0 else 1 end`.as('has_jd'),
      )
      .select(sql<number>`coalesce(length(a.job_description), 0)`.as('jd_length'))
      .where('a.user_id', '=', this.userId)
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id')
      .execute();
    return rows.map((r) => {
      const { jobDescription: _jd, ...rest } = toApplication({
        ...r,
        user_id: this.userId,
        job_description: null,
      });
      return {
        ...rest,
        companyName: r.company_name,
        hasJobDescription: Number(r.has_jd) === 1,
        jobDescriptionLength: Number(r.jd_length),
      };
    });
  }

  /** The job descriptions of these applications (those that have one). */
  async jobDescriptions(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('applications')
        .select(['id', 'job_description'])
        .where('user_id', '=', this.userId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) if (r.job_description) out.set(r.id, r.job_description);
    }
    return out;
  }

  async list(filter: ApplicationFilter = {}): Promise<ApplicationRow[]> {
    let q = this.joined();
    if (filter.stages && filter.stages.length > 0) q = q.where('a.stage', 'in', filter.stages);
    if (filter.companyId) q = q.where('a.company_id', '=', filter.companyId);
    if (filter.source) q = q.where(sql`lower(a.source)`, '=', filter.source.toLowerCase());
    if (filter.q) {
      for (const word of filter.q.split(/\s+/).filter(Boolean)) {
        const pattern = sql`${likePattern(word)} escape '\\'`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(a.role)`, 'like', pattern),
            eb(sql`c.name_key`, 'like', pattern),
            eb(sql`lower(coalesce(a.location, ''))`, 'like', pattern),
            eb(sql`lower(coalesce(a.job_description, ''))`, 'like', pattern),
          ]),
        );
      }
    }
    const direction =
      (filter.descending ?? (filter.sort === undefined || filter.sort === 'updated')) ? 'desc' : 'asc';
    q = q.orderBy(SORT_COLUMNS[filter.sort ?? 'updated'], direction).orderBy('a.id');
    if (filter.limit !== undefined) q = q.limit(filter.limit);
    if (filter.offset !== undefined) q = q.offset(filter.offset);
    return (await q.execute()).map(toRow);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', this.userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async all(): Promise<Application[]> {
    const rows = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toApplication);
  }

  async save(a: Application): Promise<void> {
    const values = {
      id: a.id,
      user_id: this.userId,
      company_id: a.companyId,
      role: a.role,
      url: a.url,
      source: a.source,
      location: a.location,
      job_description: a.jobDescription,
      fit: a.fit,
      workplace: a.workplace,
      resume_version: a.resumeVersion,
      stage: a.stage,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('applications')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(changes).where('applications.user_id', '=', this.userId),
      )
      .execute();
  }

  /** Removes rows by id; what hangs off them goes with them (foreign keys cascade). */
  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('applications')
      .where('user_id', '=', this.userId)
      .where('id', 'in', [...ids])
      .execute();
  }
}
