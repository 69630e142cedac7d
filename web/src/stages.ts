/** Which moves the server's stage machine accepts (README: stages only move forward; closing any time). */
import { CLOSING_STAGES, OPEN_STAGES, STAGES, type Stage } from './api/types';

const isOpen = (s: Stage): boolean => (OPEN_STAGES as readonly string[]).includes(s);
const isClosing = (s: Stage): boolean => (CLOSING_STAGES as readonly string[]).includes(s);

export function canMove(from: Stage, to: Stage): boolean {
  if (from === to) return false;
  if (from === 'accepted') return to === 'withdrawn';
  if (isClosing(from)) return isOpen(to);
  if (to === 'accepted') return from === 'offer';
  if (isClosing(to)) return true;
  return (
    OPEN_STAGES.indexOf(to as (typeof OPEN_STAGES)[number]) >
    OPEN_STAGES.indexOf(from as (typeof OPEN_STAGES)[number])
  );
}

export const nextStages = (from: Stage): Stage[] => STAGES.filter((to) => canMove(from, to));
export const isOpenStage = isOpen;
