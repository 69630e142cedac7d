/**
 * The practice API: the week's plan, answers with their ratings, the live STAR check and progress.
 * Shapes mirror src/services/practice.ts; the recordings never come here (see practice/recordings.ts).
 */
import { request } from './client';

export type FeedbackTheme = string;
export type CriterionId = 'structure' | 'evidence' | 'result' | 'relevance' | 'delivery';
export type Scores = Partial<Record<CriterionId, number>>;

export interface Question {
  id: string;
  text: string;
  family: string;
  roleFamily: string | null;
  themes: FeedbackTheme[];
  strong: string;
  skills: string[];
}

export interface PlanReason {
  kind: 'theme' | 'interview' | 'skill' | 'review' | 'general';
  theme?: FeedbackTheme;
  applicationId?: string;
  skill?: string;
  text: string;
}

export interface PlanItem {
  question: Question;
  reason: PlanReason;
  attempts: number;
  lastRating: number | null;
  lastAt: string | null;
  due: string | null;
}

export interface RaisedBy {
  applicationId: string;
  company: string;
  role: string;
  sentence: string;
  at: string;
}

export interface PracticeTheme {
  theme: FeedbackTheme;
  label: string;
  applications: number;
  negative: number;
  open: boolean;
  met: boolean;
  raisedBy: RaisedBy[];
}

export interface RubricCriterion {
  id: CriterionId;
  label: string;
  levels: { 1: string; 3: string; 5: string };
}

export interface PracticePlan {
  now: string;
  items: PlanItem[];
  themes: PracticeTheme[];
  interviews: { applicationId: string; company: string; role: string; at: string }[];
  missingSkills: { skill: string; applications: number }[];
  rubric: RubricCriterion[];
}

export interface Attempt {
  id: string;
  questionId: string;
  at: string;
  rating: number;
  scores: Scores;
  answer: string | null;
  seconds: number | null;
  ratedBy: 'self' | 'friend';
  raterName: string | null;
  reason: string | null;
}

export interface AttemptResult {
  attempt: Attempt;
  card: { due: string };
  metThemes: FeedbackTheme[];
}

export interface StarCheck {
  situation: { present: boolean; sentence: string | null };
  task: { present: boolean; sentence: string | null };
  action: { present: boolean; sentence: string | null };
  result: { present: boolean; sentence: string | null };
  measurableResult: boolean;
  specificExample: boolean;
  words: number;
  estimatedSeconds: number;
  fillers: { word: string; count: number }[];
  fillerCount: number;
  tips: string[];
}

export interface ThemeProgress {
  theme: FeedbackTheme;
  label: string;
  attempts: number;
  rated: number;
  averageRating: number | null;
  weeks: { week: string; attempts: number; averageRating: number | null }[];
  trend: 'improving' | 'steady' | 'declining' | null;
  applications: number;
  open: boolean;
  met: boolean;
  raisedBy: RaisedBy[];
}

export interface PracticeProgress {
  now: string;
  totals: { attempts: number; questions: number; byFriend: number; lastSevenDays: number };
  themes: ThemeProgress[];
  recent: (Attempt & { questionText: string })[];
}

export interface AttemptInput {
  questionId: string;
  scores?: Scores;
  rating?: number;
  answer?: string;
  seconds?: number;
  ratedBy?: 'self' | 'friend';
  raterName?: string;
}

export const practiceApi = {
  plan: () => request<PracticePlan>('GET', '/api/practice/plan'),
  progress: () => request<PracticeProgress>('GET', '/api/practice/progress'),
  star: (answer: string) => request<StarCheck>('POST', '/api/practice/star', { answer }),
  saveAttempt: (input: AttemptInput) => request<AttemptResult>('POST', '/api/practice/attempts', input),
};
