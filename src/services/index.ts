/** The use-cases, in one place for the shells: the CLI and the HTTP API call these and nothing else. */
export { openContext, systemTimeZone, type Context, type ContextOptions } from './context.js';
export {
  addInterview,
  addNote,
  createApplication,
  getApplication,
  listApplications,
  moveApplication,
  updateApplication,
  type ApplicationView,
  type ListQuery,
} from './applications.js';
export {
  addContact,
  getContact,
  listContacts,
  updateContact,
  type ContactQuery,
  type ContactView,
} from './contacts.js';
export { applicationTimeline } from './timeline.js';
export {
  exportData,
  importData,
  readExportDocument,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type ImportSummary,
} from './export.js';
export { parsePerson } from './inputs.js';
export { listCompanies } from './companies.js';
export {
  actOnStep,
  getPlan,
  getSettings,
  recordRejection,
  REJECTION_STAGES_REACHED,
  updateSettings,
  type PlanView,
  type RejectionInput,
  type StepAction,
  type StepView,
} from './playbook.js';
export { today, type TodayStep, type TodayView } from './today.js';
export {
  checkDraftTone,
  createDraft,
  DRAFT_KINDS,
  getDraft,
  getSmtp,
  listDrafts,
  sendDraft,
  setSmtp,
  updateDraft,
  type DraftEdit,
  type DraftView,
  type SmtpView,
} from './drafts.js';
export { calendarFeed, calendarToken, isCalendarToken } from './calendar.js';
export {
  addCheckIn,
  getReflection,
  listCheckIns,
  rateInterview,
  reflectionQuestions,
  saveReflection,
  type ReflectionView,
} from './reflection.js';
export { loadSample, removeSample, sampleLoaded } from './sample.js';
export {
  decideReview,
  getImap,
  importInbox,
  importUpload,
  reviewList,
  setImap,
  syncInbox,
  SURE,
  type ImportSummary as InboxImportSummary,
  type ReviewDecision,
  type ReviewItem,
} from './inbox.js';
export { addFeedback, classifyFeedback, listFeedback, type FeedbackInput } from './feedback.js';
export { insights, insightStepFacts, type InsightsReport } from './insights.js';
export {
  addLearningGoal,
  applicationSkills,
  deleteLearningGoal,
  deleteResume,
  extractFromText,
  getResume,
  importEscoSkills,
  importEscoFile,
  listLearningGoals,
  listResumes,
  saveResume,
  saveResumeFile,
  updateLearningGoal,
  vocabularySize,
  type LearningGoalInput,
  type ResumeView,
  type SkillInsights,
  type SkillMatch,
} from './skills.js';
export {
  listPracticeAttempts,
  practicePlan,
  practiceProgress,
  practiceQuestions,
  practiceStarCheck,
  recordPracticeAttempt,
  type AttemptInput,
  type AttemptResult,
  type PlanItemView,
  type PracticePlanView,
  type PracticeProgressView,
  type QuestionView,
} from './practice.js';
