/**
 * A sample search a newcomer can load to see Onward populated, and remove again without touching
 * anything of their own. Every company, person and address in it is made up (.example domains).
 */
import { Problem } from '../domain/errors.js';
import { addCalendarDays, localDate } from '../domain/calendar.js';
import { addInterview, createApplication, moveApplication } from './applications.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { recordRejection } from './playbook.js';

const SAMPLE_KEY = 'sampleData';

interface SampleRecord {
  applicationIds: string[];
  companyIds: string[];
  contactIds: string[];
}

export async function sampleLoaded(ctx: Context): Promise<boolean> {
  return Boolean((await reposOf(ctx).settings.all())[SAMPLE_KEY]);
}

/** Loads the sample, dated relative to now so that Today has something to show. */
export async function loadSample(ctx: Context): Promise<{ applications: number }> {
  if (await sampleLoaded(ctx)) throw new Problem('conflict', 'the sample data is already loaded');
  const repos = reposOf(ctx);
  const companiesBefore = new Set((await repos.companies.list()).map((c) => c.id));
  const contactsBefore = new Set((await repos.contacts.list()).map((c) => c.id));
  const zone = ctx.user.timeZone;
  /** The local date n days ago, moved back to the Friday before when it falls on a weekend. */
  const daysAgo = (n: number) => {
    let day = localDate(addCalendarDays(ctx.now(), -n, zone), zone);
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) {
      day = localDate(addCalendarDays(`${day}T12:00:00Z`, -1, 'UTC'), 'UTC');
    }
    return day;
  };
  const atAgo = (n: number, hour: number) => `${daysAgo(n)}T${String(hour).padStart(2, '0')}:00`;

  const ids: string[] = [];
  const add = async (company: string, role: string, applied: number, extra: Record<string, unknown> = {}) => {
    const app = await createApplication(ctx, { company, role, applied: daysAgo(applied), ...extra });
    ids.push(app.id);
    return app;
  };

  const northwind = await add('Northwind Analytics', 'Data Analyst', 21, {
    source: 'job_board',
    fit: 4,
    jobDescription:
      'We are looking for a Data Analyst to build dashboards in Power BI, write SQL against our warehouse and present findings to non-technical colleagues. Experience with Python or R is a plus.',
  });
  await moveApplication(ctx, northwind.id, { stage: 'interviewing', at: daysAgo(12) });
  await addInterview(ctx, northwind.id, {
    at: atAgo(1, 14),
    kind: 'video',
    with: [{ name: 'Priya Shah', email: 'priya.shah@northwind.example' }],
    notes: 'the monthly sales dashboard; moving reports from Excel to Power BI',
  });

  const harbour = await add('Harbour Health', 'Staff Nurse', 28, { source: 'direct', fit: 5 });
  await moveApplication(ctx, harbour.id, { stage: 'interviewing', at: daysAgo(18) });
  await addInterview(ctx, harbour.id, {
    at: atAgo(9, 10),
    kind: 'panel',
    with: [{ name: 'Tom Okafor', email: 'tom.okafor@harbourhealth.example' }],
    notes: 'patient handovers on a busy ward',
  });
  await recordRejection(ctx, harbour.id, {
    at: atAgo(2, 11),
    reason: 'They went with a candidate with more experience on a surgical ward.',
  });

  await add('Brightside Primary School', 'Teaching Assistant', 10, { source: 'referral', fit: 4 });
  await add('Fernleaf Retail', 'Store Supervisor', 3, { source: 'job_board', fit: 3 });
  const bluepeak = await add('Bluepeak Logistics', 'Operations Coordinator', 35, {
    source: 'recruiter',
    fit: 4,
  });
  await moveApplication(ctx, bluepeak.id, { stage: 'final', at: daysAgo(4) });

  const companies = (await repos.companies.list()).filter((c) => !companiesBefore.has(c.id)).map((c) => c.id);
  const contacts = (await repos.contacts.list()).filter((c) => !contactsBefore.has(c.id)).map((c) => c.id);
  const record: SampleRecord = { applicationIds: ids, companyIds: companies, contactIds: contacts };
  await repos.settings.set(SAMPLE_KEY, record);
  return { applications: ids.length };
}

/** Removes exactly what loadSample added (and anything the seeker added to those applications). */
export async function removeSample(ctx: Context): Promise<{ applications: number }> {
  return inTransaction(ctx, async (repos) => {
    const record = (await repos.settings.all())[SAMPLE_KEY] as SampleRecord | undefined;
    if (!record) throw new Problem('not_found', 'there is no sample data to remove');
    await repos.applications.delete(record.applicationIds);
    // A company or person the seeker has since used for their own applications stays.
    const stillUsed = new Set((await repos.applications.all()).map((a) => a.companyId));
    await repos.contacts.delete(record.contactIds);
    await repos.companies.delete(record.companyIds.filter((id) => !stillUsed.has(id)));
    await repos.settings.delete(SAMPLE_KEY);
    return { applications: record.applicationIds.length };
  });
}
