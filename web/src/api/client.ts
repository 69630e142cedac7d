/**
 * The one way the app talks to the server: JSON over fetch, same origin, and every change carries
 * the install token that the server put into the page (a page from another origin cannot read it).
 */
import { t } from '../text';
import type {
  Application,
  ApplicationDetail,
  CheckIn,
  Contact,
  Draft,
  ImportSummary,
  Interview,
  Note,
  Plan,
  Reflection,
  ReflectionQuestion,
  Settings,
  Smtp,
  Step,
  TimelineEntry,
  Today,
  ToneResult,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function installToken(): string {
  return document.querySelector('meta[name="onward-token"]')?.getAttribute('content') ?? '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-onward-token'] = installToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', t.errors.network);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof error?.code === 'string' ? error.code : `http_${res.status}`,
      typeof error?.message === 'string' && error.message ? error.message : t.errors.generic,
    );
  }
  return data as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const enc = encodeURIComponent;

export interface ApplicationQuery {
  stage?: string;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const api = {
  applications: (q: ApplicationQuery = {}) =>
    get<{ applications: Application[] }>(`/api/applications${query({ ...q })}`).then((r) => r.applications),
  application: (id: string) => get<ApplicationDetail>(`/api/applications/${enc(id)}`),
  createApplication: (input: Record<string, unknown>) =>
    request<ApplicationDetail>('POST', '/api/applications', input),
  updateApplication: (id: string, patch: Record<string, unknown>) =>
    request<ApplicationDetail>('PATCH', `/api/applications/${enc(id)}`, patch),
  move: (id: string, stage: string, note?: string) =>
    request<ApplicationDetail>(
      'POST',
      `/api/applications/${enc(id)}/moves`,
      note ? { stage, note } : { stage },
    ),
  addInterview: (id: string, input: Record<string, unknown>) =>
    request<Interview>('POST', `/api/applications/${enc(id)}/interviews`, input),
  updateInterview: (id: string, patch: { selfRating?: number | null; selfAssessment?: string | null }) =>
    request<Interview>('PATCH', `/api/interviews/${enc(id)}`, patch),
  addNote: (id: string, text: string) =>
    request<Note>('POST', `/api/applications/${enc(id)}/notes`, { text }),
  timeline: (id: string) =>
    get<{ entries: TimelineEntry[] }>(`/api/applications/${enc(id)}/timeline`).then((r) => r.entries),

  contacts: (q?: string) =>
    get<{ contacts: Contact[] }>(`/api/contacts${query({ q })}`).then((r) => r.contacts),
  addContact: (input: Record<string, unknown>) => request<Contact>('POST', '/api/contacts', input),
  updateContact: (id: string, patch: Record<string, unknown>) =>
    request<Contact>('PATCH', `/api/contacts/${enc(id)}`, patch),

  recordRejection: (id: string, input: Record<string, unknown>) =>
    request<Plan>('POST', `/api/applications/${enc(id)}/rejection`, input),
  plan: (id: string) => get<Plan>(`/api/applications/${enc(id)}/plan`),
  stepAction: (id: string, action: 'done' | 'skip' | 'reopen' | { snooze: string }) =>
    request<Step>(
      'POST',
      `/api/steps/${enc(id)}/actions`,
      typeof action === 'string' ? { action } : { action: 'snooze', until: action.snooze },
    ),
  today: () => get<Today>('/api/today'),

  drafts: (applicationId: string) =>
    get<{ drafts: Draft[] }>(`/api/applications/${enc(applicationId)}/drafts`).then((r) => r.drafts),
  createDraft: (applicationId: string, kind: string) =>
    request<Draft>('POST', `/api/applications/${enc(applicationId)}/drafts`, { kind }),
  draft: (id: string) => get<Draft>(`/api/drafts/${enc(id)}`),
  updateDraft: (id: string, edit: { to?: string | null; subject?: string; body?: string }) =>
    request<Draft>('PATCH', `/api/drafts/${enc(id)}`, edit),
  sendDraft: (id: string, via: 'smtp' | 'mail_app' | 'copied' | 'elsewhere') =>
    request<Draft>('POST', `/api/drafts/${enc(id)}/send`, { via }),
  tone: (text: string) => request<ToneResult>('POST', '/api/tone', { text }),

  settings: () => get<Settings>('/api/settings'),
  updateSettings: (changes: Partial<Settings>) => request<Settings>('PATCH', '/api/settings', changes),
  smtp: () => get<{ smtp: Smtp | null }>('/api/smtp').then((r) => r.smtp),
  setSmtp: (input: Record<string, unknown>) =>
    request<{ smtp: Smtp }>('PUT', '/api/smtp', input).then((r) => r.smtp),
  calendarSubscription: (renew = false) =>
    request<{ path: string }>('POST', '/api/calendar/subscription', { renew }),
  importData: (document: unknown) => request<ImportSummary>('POST', '/api/import', document),

  checkins: () => get<{ checkins: CheckIn[] }>('/api/checkins').then((r) => r.checkins),
  checkIn: (input: { mood: number; note?: string; applicationId?: string }) =>
    request<CheckIn>('POST', '/api/checkins', input),
  reflectionQuestions: () =>
    get<{ questions: ReflectionQuestion[] }>('/api/reflection/questions').then((r) => r.questions),
  reflection: (applicationId: string) =>
    get<Reflection>(`/api/applications/${enc(applicationId)}/reflection`),
  saveReflection: (applicationId: string, input: { answers: Record<string, string>; lessons?: string }) =>
    request<Reflection>('PUT', `/api/applications/${enc(applicationId)}/reflection`, input),

  sample: () => get<{ loaded: boolean }>('/api/sample'),
  loadSample: () => request<unknown>('POST', '/api/sample'),
  removeSample: () => request<unknown>('DELETE', '/api/sample'),
};
