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
  Feedback,
  Imap,
  ImportSummary,
  InboxSummary,
  InsightsReport,
  Interview,
  LearningGoal,
  LearningKind,
  Note,
  Plan,
  Reflection,
  ReflectionQuestion,
  ResumeView,
  ReviewDecision,
  ReviewItem,
  Settings,
  SkillMatch,
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

/** The API's answer: its JSON, or an ApiError carrying the server's own message. */
function answer<T>(status: number, text: string): T {
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (status < 200 || status >= 300) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      status,
      typeof error?.code === 'string' ? error.code : `http_${status}`,
      typeof error?.message === 'string' && error.message ? error.message : t.errors.generic,
    );
  }
  return data as T;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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
  return answer<T>(res.status, await res.text());
}

export interface UploadOptions {
  contentType: string;
  headers?: Record<string, string>;
  /** Called as the body goes out, with the share sent so far (0 to 1). */
  onProgress?: (sent: number) => void;
}

/**
 * POSTs a file as the raw request body (not JSON), with the install token. XMLHttpRequest rather
 * than fetch, because only it reports how much of a large upload has gone out.
 */
function upload<T>(path: string, body: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('x-onward-token', installToken());
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    const onProgress = options.onProgress;
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onload = () => {
      try {
        resolve(answer<T>(xhr.status, xhr.responseText));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', t.errors.network));
    xhr.onabort = () => reject(new ApiError(0, 'network', t.errors.network));
    xhr.send(body);
  });
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

  importInbox: (file: Blob, name: string, contentType: string, onProgress?: (sent: number) => void) =>
    upload<InboxSummary>('/api/inbox/import', file, {
      contentType,
      // A header carries Latin-1 only: anything else in the name becomes "_".
      headers: { 'x-file-name': name.replace(/[^\x20-\x7e]/g, '_') },
      onProgress,
    }),
  syncInbox: () => request<InboxSummary>('POST', '/api/inbox/sync', {}),
  review: () => get<{ items: ReviewItem[] }>('/api/inbox/review').then((r) => r.items),
  decide: (id: string, decision: ReviewDecision) =>
    request<unknown>('POST', `/api/inbox/review/${enc(id)}`, decision),
  imap: () => get<{ imap: Imap | null }>('/api/imap').then((r) => r.imap),
  setImap: (input: {
    host: string;
    port: number;
    secure: boolean;
    user: string;
    password?: string;
    folders: string[];
  }) => request<{ imap: Imap }>('PUT', '/api/imap', input).then((r) => r.imap),

  feedback: (applicationId: string) =>
    get<{ feedback: Feedback[] }>(`/api/applications/${enc(applicationId)}/feedback`).then((r) => r.feedback),
  addFeedback: (applicationId: string, input: { text: string; from?: string }) =>
    request<Feedback>('POST', `/api/applications/${enc(applicationId)}/feedback`, input),
  skills: (applicationId: string) => get<SkillMatch>(`/api/applications/${enc(applicationId)}/skills`),

  insights: () => get<InsightsReport>('/api/insights'),
  resumes: () => get<{ resumes: ResumeView[] }>('/api/resumes').then((r) => r.resumes),
  /** A résumé as pasted text, or as a file's bytes in base64 (.txt, .md, .pdf, .docx). */
  addResume: (input: { version: string } & ({ text: string } | { fileName: string; data: string })) =>
    request<ResumeView>('POST', '/api/resumes', input),
  deleteResume: (version: string) => request<unknown>('DELETE', `/api/resumes/${enc(version)}`),
  learningGoals: () => get<{ goals: LearningGoal[] }>('/api/learning-goals').then((r) => r.goals),
  addLearningGoal: (input: {
    skill: string;
    skillId?: string;
    kind: LearningKind;
    plan?: string;
    target?: string;
    progress?: number;
  }) => request<LearningGoal>('POST', '/api/learning-goals', input),
  updateLearningGoal: (
    id: string,
    patch: { kind?: LearningKind; plan?: string | null; target?: string | null; progress?: number },
  ) => request<LearningGoal>('PATCH', `/api/learning-goals/${enc(id)}`, patch),
  deleteLearningGoal: (id: string) => request<unknown>('DELETE', `/api/learning-goals/${enc(id)}`),

  sample: () => get<{ loaded: boolean }>('/api/sample'),
  loadSample: () => request<unknown>('POST', '/api/sample'),
  removeSample: () => request<unknown>('DELETE', '/api/sample'),
};
