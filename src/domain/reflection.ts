/** The reflection checklist of DESIGN.md §2: one answer each, plus free notes. */
export const REFLECTION_QUESTIONS = [
  { id: 'cv_aligned', text: 'Was my CV aligned to the job specification?' },
  { id: 'researched', text: 'Did I research the company, its vision and culture enough?' },
  { id: 'asked_recruiter', text: 'Did I ask the recruiter everything I wanted to know?' },
  { id: 'prepared', text: 'Did I prepare enough, including answers to common questions?' },
  { id: 'examples', text: 'Did I give enough examples of meeting the job criteria?' },
  { id: 'asked_questions', text: 'Did I ask enough questions in the interview?' },
  { id: 'thanked', text: 'Did I send a follow-up thanking the interviewer?' },
  { id: 'missing', text: 'What qualifications or experience was I missing?' },
  { id: 'differently', text: 'What will I do differently next time?' },
] as const;

export type ReflectionQuestionId = (typeof REFLECTION_QUESTIONS)[number]['id'];

export function isReflectionQuestion(id: string): id is ReflectionQuestionId {
  return REFLECTION_QUESTIONS.some((q) => q.id === id);
}
