import type { PracticeAttemptRecord, Rater } from '../../domain/practice-attempt.js';
import type { PracticeCard, PracticeRating, RubricScores } from '../../domain/practice.js';
import type { PracticeAttemptsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toAttempt = (r: PracticeAttemptsTable): PracticeAttemptRecord => ({
  id: r.id,
  questionId: r.question_id,
  at: r.at,
  rating: Number(r.rating) as PracticeRating,
  scores: JSON.parse(r.scores) as RubricScores,
  answer: r.answer,
  seconds: r.seconds === null ? null : Number(r.seconds),
  ratedBy: r.rated_by as Rater,
  raterName: r.rater_name,
  reason: r.reason,
});

/** Practice answers: history, only ever added to (an import replaces one by its id). */
export class PracticeAttemptRepository extends UserScoped {
  async all(): Promise<PracticeAttemptRecord[]> {
    const rows = await this.db
      .selectFrom('practice_attempts')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toAttempt);
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('practice_attempts')
        .select('id')
        .where('user_id', '=', this.userId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  async save(a: PracticeAttemptRecord): Promise<void> {
    const values = {
      id: a.id,
      user_id: this.userId,
      question_id: a.questionId,
      at: a.at,
      rating: a.rating,
      scores: JSON.stringify(a.scores),
      answer: a.answer,
      seconds: a.seconds,
      rated_by: a.ratedBy,
      rater_name: a.raterName,
      reason: a.reason,
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('practice_attempts')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(changes).where('practice_attempts.user_id', '=', this.userId),
      )
      .execute();
  }
}

export interface StoredPracticeCard {
  card: PracticeCard;
  updatedAt: string;
}

/** The spaced-repetition card of each practised question: one per question. */
export class PracticeCardRepository extends UserScoped {
  async all(): Promise<StoredPracticeCard[]> {
    const rows = await this.db
      .selectFrom('practice_cards')
      .select(['card', 'updated_at'])
      .where('user_id', '=', this.userId)
      .orderBy('question_id')
      .execute();
    return rows.map((r) => ({ card: JSON.parse(r.card) as PracticeCard, updatedAt: r.updated_at }));
  }

  async get(questionId: string): Promise<PracticeCard | undefined> {
    const row = await this.db
      .selectFrom('practice_cards')
      .select('card')
      .where('user_id', '=', this.userId)
      .where('question_id', '=', questionId)
      .executeTakeFirst();
    return row && (JSON.parse(row.card) as PracticeCard);
  }

  async save(card: PracticeCard, updatedAt: string): Promise<void> {
    const values = {
      user_id: this.userId,
      question_id: card.questionId,
      card: JSON.stringify(card),
      due: card.due,
      updated_at: updatedAt,
    };
    await this.db
      .insertInto('practice_cards')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'question_id'])
          .doUpdateSet({ card: values.card, due: values.due, updated_at: values.updated_at }),
      )
      .execute();
  }
}
