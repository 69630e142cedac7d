import type { ApplicationEvent } from '../domain/events.js';
import { invalidInput } from '../domain/errors.js';
import type { Instant } from '../domain/model.js';
import { parseUserTime } from '../domain/time.js';
import type { Repositories } from '../store/index.js';
import type { Context } from './context.js';

/** A time the seeker gave, or now; refused when it lies in the future for things that already happened. */
export function pastTime(ctx: Context, input: string | null | undefined, what: string): Instant {
  const now = ctx.now();
  if (!input) return now;
  const at = parseUserTime(input, ctx.user.timeZone, what);
  if (at > now) throw invalidInput(`${what} ${input} is in the future; record it once it has happened`);
  return at;
}

export async function appendEvent(
  repos: Repositories,
  ctx: Context,
  e: Omit<ApplicationEvent, 'id' | 'seq'>,
): Promise<ApplicationEvent> {
  const event: ApplicationEvent = { ...e, id: ctx.newId(), seq: await repos.events.nextSeq(e.applicationId) };
  await repos.events.append(event);
  return event;
}
