/**
 * The seeker's playbook settings: every timing of DESIGN.md §2 with its default, the CV-retention
 * window with country presets, goals and the business calendar. Stored as key → JSON value per
 * user; unknown keys are ignored, missing keys take the defaults.
 */
import { CalendarError, validateCalendar, type BusinessCalendar } from './calendar.js';
import { Problem } from './errors.js';

/**
 * How long employers usually keep an unsuccessful candidate's CV, in months, by country. Sources:
 * UK ICO employment-practices guidance (about 6 months after the decision); Spain's AEPD guidance
 * (up to a year); France's CNIL (2 years after the last contact); the Netherlands' AP guidance
 * (4 weeks after the procedure, a year with consent) — the 4 weeks rounded here to 1 month.
 */
export const CV_RETENTION_PRESETS = {
  default: 12,
  uk: 6,
  es: 12,
  fr: 24,
  nl: 1,
} as const;
export type CvRetentionPreset = keyof typeof CV_RETENTION_PRESETS;

export const CV_RETENTION_PRESET_NAMES: Record<CvRetentionPreset, string> = {
  default: 'Usual practice (12 months)',
  uk: 'United Kingdom (6 months)',
  es: 'Spain (12 months)',
  fr: 'France (24 months)',
  nl: 'Netherlands (4 weeks)',
};

export interface PlaybookSettings {
  /** Hours after an interview by which the thank-you is due. */
  thanksWithinHours: number;
  /** Business days after an interview before a follow-up, if nothing arrives. */
  followUpBusinessDays: number;
  /** Business days after a date they promised to reply by. */
  followUpAfterPromiseBusinessDays: number;
  /** Days after the follow-up with no reply before the application counts as ghosted. */
  ghostedAfterDays: number;
  rejectionReplyBusinessDays: number;
  feedbackNudgeBusinessDays: number;
  /** Days after a rejection by which to reflect (the reflection checklist). */
  reflectWithinDays: number;
  polishResumeWithinDays: number;
  /** Days after a theme turns recurring, or a skill gap shows, by which to plan the learning. */
  learnWithinDays: number;
  connectWithinDays: number;
  offerFeedbackBusinessDays: number;
  /** Months after a rejection for stay-in-touch notes, inside the CV-retention window. */
  stayInTouchMonths: number[];
  /** A last note this many months before the CV-retention window ends. */
  stayInTouchBeforeWindowEndMonths: number;
  cvRetentionPreset: CvRetentionPreset | 'custom';
  cvRetentionMonths: number;
  weeklyApplicationGoal: number;
  activePipelineTarget: number;
  /** Local dates 'YYYY-MM-DD' that are not business days. */
  holidays: string[];
  /** ISO weekdays that are not business days (6 = Saturday, 7 = Sunday). */
  weekend: number[];
}

export const DEFAULT_SETTINGS: PlaybookSettings = {
  thanksWithinHours: 24,
  followUpBusinessDays: 5,
  followUpAfterPromiseBusinessDays: 2,
  ghostedAfterDays: 14,
  rejectionReplyBusinessDays: 1,
  feedbackNudgeBusinessDays: 7,
  reflectWithinDays: 3,
  polishResumeWithinDays: 7,
  learnWithinDays: 7,
  connectWithinDays: 7,
  offerFeedbackBusinessDays: 1,
  stayInTouchMonths: [3, 6],
  stayInTouchBeforeWindowEndMonths: 1,
  cvRetentionPreset: 'default',
  cvRetentionMonths: 12,
  weeklyApplicationGoal: 5,
  activePipelineTarget: 10,
  holidays: [],
  weekend: [6, 7],
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof PlaybookSettings)[];

const INTEGER_LIMITS: Partial<Record<keyof PlaybookSettings, [number, number]>> = {
  thanksWithinHours: [1, 24 * 14],
  followUpBusinessDays: [1, 60],
  followUpAfterPromiseBusinessDays: [0, 30],
  ghostedAfterDays: [1, 180],
  rejectionReplyBusinessDays: [0, 30],
  feedbackNudgeBusinessDays: [1, 60],
  reflectWithinDays: [0, 60],
  polishResumeWithinDays: [0, 90],
  learnWithinDays: [0, 90],
  connectWithinDays: [0, 90],
  offerFeedbackBusinessDays: [0, 30],
  stayInTouchBeforeWindowEndMonths: [0, 12],
  cvRetentionMonths: [1, 60],
  weeklyApplicationGoal: [0, 200],
  activePipelineTarget: [0, 500],
};

const bad = (key: string, why: string): Problem => new Problem('invalid_input', `setting ${key}: ${why}`);

function checkInteger(key: keyof PlaybookSettings, value: unknown): number {
  const [min, max] = INTEGER_LIMITS[key] ?? [0, Number.MAX_SAFE_INTEGER];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw bad(key, `give a whole number from ${min} to ${max}`);
  }
  return value;
}

function isPreset(value: unknown): value is CvRetentionPreset {
  return typeof value === 'string' && Object.hasOwn(CV_RETENTION_PRESETS, value);
}

/**
 * Checks one setting's value and returns it in its stored form. Throws a Problem naming the
 * setting and what it accepts.
 */
export function checkSetting<K extends keyof PlaybookSettings>(key: K, value: unknown): PlaybookSettings[K] {
  switch (key) {
    case 'cvRetentionPreset':
      if (value === 'custom' || isPreset(value)) return value as PlaybookSettings[K];
      throw bad(key, `use one of ${Object.keys(CV_RETENTION_PRESETS).join(', ')} or custom`);
    case 'stayInTouchMonths': {
      if (
        !Array.isArray(value) ||
        value.length > 6 ||
        !value.every((m) => typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 60)
      ) {
        throw bad(key, 'give up to six whole numbers of months, e.g. [3, 6]');
      }
      return [...new Set(value as number[])].sort((a, b) => a - b) as PlaybookSettings[K];
    }
    case 'holidays': {
      if (!Array.isArray(value) || !value.every((d) => typeof d === 'string')) {
        throw bad(key, 'give a list of dates like 2026-12-25');
      }
      try {
        validateCalendar({ timeZone: 'UTC', holidays: value as string[] });
      } catch (error) {
        if (error instanceof CalendarError) throw bad(key, error.message);
        throw error;
      }
      return [...new Set(value as string[])].sort() as PlaybookSettings[K];
    }
    case 'weekend': {
      if (
        !Array.isArray(value) ||
        value.length > 6 ||
        !value.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 7)
      ) {
        throw bad(key, 'give ISO weekdays from 1 (Monday) to 7 (Sunday), at most six');
      }
      return [...new Set(value as number[])].sort() as PlaybookSettings[K];
    }
    default:
      return checkInteger(key, value) as PlaybookSettings[K];
  }
}

export function isSettingKey(key: string): key is keyof PlaybookSettings {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/**
 * The settings from stored key → value pairs: defaults for what is missing; a stored value that no
 * longer checks (an older version wrote it) falls back to the default rather than breaking Today.
 * A preset other than 'custom' decides the retention window.
 */
export function readSettings(stored: Record<string, unknown>): PlaybookSettings {
  const settings: PlaybookSettings = structuredClone(DEFAULT_SETTINGS);
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(stored, key)) continue;
    try {
      (settings as unknown as Record<string, unknown>)[key] = checkSetting(key, stored[key]);
    } catch {
      // keep the default
    }
  }
  if (settings.cvRetentionPreset !== 'custom') {
    settings.cvRetentionMonths = CV_RETENTION_PRESETS[settings.cvRetentionPreset];
  }
  return settings;
}

export function businessCalendar(settings: PlaybookSettings, timeZone: string): BusinessCalendar {
  return { timeZone, holidays: settings.holidays, weekend: settings.weekend };
}
