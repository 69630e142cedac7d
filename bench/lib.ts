/**
 * What the benchmarks share: seeded randomness and ids, checks, time helpers, timing summaries, the
 * result tables and the machine line. The database plumbing of the store and insights benchmarks is in
 * db.ts.
 *
 * Only Node's own modules are loaded here: the inbox benchmark measures the memory of child processes
 * that import this file, and must not pay for the store's modules (db.ts loads them).
 * Everything here is deterministic for a given seed: the benchmarks print data summaries that must
 * come out the same on every machine and every run.
 */
import os from 'node:os';

/** ONWARD_BENCH_KEEP=1 keeps the databases (or the mbox) afterwards, to look at; remove them yourself. */
export const KEEP = process.env.ONWARD_BENCH_KEEP === '1';

/** Progress goes to stderr, the results to stdout. */
export const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// Checks and errors

export class BenchFailure extends Error {
  override name = 'BenchFailure';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BenchFailure(message);
}

export function errorText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return err.errors.map(errorText).join('; ');
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, and the same numbers on every machine for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every method draws from the one seeded stream, in the order it is called. */
export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    // Not reached with positive weights: the draw is below 1 by at least 2^-32.
    return this.pick(items)[0];
  }
  /** Log-uniform between min and max: many small values, a few large. */
  logUniform(min: number, max: number): number {
    return Math.round(min * Math.pow(max / min, this.next()));
  }
  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ids shaped like the app's (12 characters of Crockford base32), but from the seeded PRNG. */
export function idMaker(random: Random): () => string {
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let id = '';
      for (let i = 0; i < 12; i++) id += ID_ALPHABET[random.int(0, 31)];
      if (!seen.has(id)) {
        seen.add(id);
        return id;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Time

export const MS_HOUR = 3_600_000;
export const MS_DAY = 24 * MS_HOUR;
export const iso = (ms: number): string => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------
// Timing

export interface OperationSpec {
  name: string;
  warmup: number;
  reps: number;
}

/** Wall-clock samples of one operation, ms. */
export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  reps: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? at(0.5) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return {
    median,
    p95: at(0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    reps: samples.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

/** Milliseconds with two, one or no decimals, by size. */
export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export interface TableOptions {
  /** Which columns are right-aligned; by default all but the first. */
  rightAligned?: (i: number) => boolean;
  /** Trims the spaces at the end of each line (an empty right-aligned last cell leaves some). */
  trimEnd?: boolean;
}

/** A plain-text table: a header, a rule of dashes, the rows; columns two spaces apart. */
export function table(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const { rightAligned = (i: number) => i > 0, trimEnd = false } = options;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => {
    const text = cells
      .map((c, i) => (rightAligned(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
    return trimEnd ? text.trimEnd() : text;
  };
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "<CPU model>, <n> cores". */
export function cpuSummary(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores`;
}

/** "machine: <CPU model>, <n> cores, <memory> GiB, <platform> <arch>, Node <version>". */
export function machineLine(): string {
  return (
    `machine: ${cpuSummary()}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.arch()}, Node ${process.version}`
  );
}
