import { describe, expect, it } from 'vitest';
import { FEEDBACK_THEMES, type FeedbackTheme } from '../domain/model.js';
import { QUESTION_FAMILIES } from '../domain/practice.js';
import { ROLE_FAMILIES } from '../domain/role-family.js';
import { PRACTICE_QUESTIONS, questionById, questionsFor } from './practice-questions.js';

const countOf = (family: string): number => PRACTICE_QUESTIONS.filter((q) => q.family === family).length;

describe('the practice question bank', () => {
  it('has at least 220 questions with unique, stable-looking slugs', () => {
    expect(PRACTICE_QUESTIONS.length).toBeGreaterThanOrEqual(220);
    const ids = PRACTICE_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
  });

  it('covers every family as the issue asks', () => {
    expect(countOf('common')).toBeGreaterThanOrEqual(25);
    expect(countOf('behavioural')).toBeGreaterThanOrEqual(40);
    expect(countOf('situational')).toBeGreaterThanOrEqual(25);
    expect(countOf('motivation')).toBeGreaterThanOrEqual(15);
    expect(countOf('ask_interviewer')).toBeGreaterThanOrEqual(20);
    for (const roleFamily of ROLE_FAMILIES) {
      expect(questionsFor({ family: 'role', roleFamily }).length, roleFamily).toBeGreaterThanOrEqual(10);
    }
  });

  it('every question is well formed: known family and themes, some text, what a strong answer shows', () => {
    for (const q of PRACTICE_QUESTIONS) {
      expect(QUESTION_FAMILIES, q.id).toContain(q.family);
      expect(q.themes.length, q.id).toBeGreaterThan(0);
      expect(new Set(q.themes).size, q.id).toBe(q.themes.length);
      for (const theme of q.themes) expect(FEEDBACK_THEMES, q.id).toContain(theme);
      expect(q.text.trim().length, q.id).toBeGreaterThan(10);
      expect(q.text, q.id).toMatch(/[?.]$/);
      expect(q.strong.trim().length, q.id).toBeGreaterThan(20);
      expect(q.strong.length, q.id).toBeLessThan(240);
      if (q.family === 'role') expect(ROLE_FAMILIES, q.id).toContain(q.roleFamily);
      else expect(q.roleFamily, q.id).toBeNull();
      for (const skill of q.skills ?? []) expect(skill, q.id).toBe(skill.toLowerCase().trim());
    }
  });

  it('no two questions share a wording', () => {
    const texts = PRACTICE_QUESTIONS.map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('trains every theme but praise and competition with at least five questions', () => {
    const trainable = FEEDBACK_THEMES.filter((t) => t !== 'positive' && t !== 'competition');
    for (const theme of trainable) {
      expect(questionsFor({ theme }).length, theme).toBeGreaterThanOrEqual(5);
    }
    expect(questionsFor({ theme: 'positive' })).toHaveLength(0);
    expect(questionsFor({ theme: 'competition' })).toHaveLength(0);
  });

  it('trains examples_evidence mostly with behavioural questions, and every behavioural question trains it', () => {
    const evidence = questionsFor({ theme: 'examples_evidence' });
    const behavioural = evidence.filter((q) => q.family === 'behavioural');
    expect(behavioural.length / evidence.length).toBeGreaterThan(0.7);
    for (const q of questionsFor({ family: 'behavioural' }))
      expect(q.themes, q.id).toContain('examples_evidence');
  });

  it('questions for the interviewer all train questions_asked', () => {
    for (const q of questionsFor({ family: 'ask_interviewer' }))
      expect(q.themes, q.id).toContain('questions_asked');
  });

  it('role questions name the skills they exercise', () => {
    for (const q of questionsFor({ family: 'role' })) expect(q.skills?.length ?? 0, q.id).toBeGreaterThan(0);
  });

  it('questionById finds a question and nothing for an unknown id', () => {
    expect(questionById('common-tell-me-about-yourself')?.text).toBe('Tell me about yourself.');
    expect(questionById('no-such-question')).toBeUndefined();
  });

  it('questionsFor combines filters', () => {
    const theme: FeedbackTheme = 'communication';
    const both = questionsFor({ theme, family: 'situational' });
    expect(both.length).toBeGreaterThan(0);
    for (const q of both) {
      expect(q.family).toBe('situational');
      expect(q.themes).toContain(theme);
    }
    expect(questionsFor()).toHaveLength(PRACTICE_QUESTIONS.length);
  });
});
