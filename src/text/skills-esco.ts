/**
 * ESCO's skills_en.csv as vocabulary entries (`onward skills import-esco`). ESCO is the European
 * Commission's classification of skills; users download it themselves ("This product uses the ESCO
 * classification of the European Commission"). Pure: the file is read by src/files/esco.ts.
 */
import type { SkillEntry } from './skills-vocabulary.js';

/**
 * RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF line ends; a
 * leading byte-order mark is ignored. Returns the rows as arrays of fields (blank lines are skipped).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRow = (): void => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once: ESCO's file is 9 MB.
      const next = text.indexOf('"', i);
      const stop = next === -1 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Single words ESCO uses as labels that a job description uses in passing ("plan the rota", "report to
 * the manager"): matched alone they name no skill, so an imported label that is just one of them is
 * left out. The built-in vocabulary covers the real skills among them with context.
 */
const GENERIC_WORDS = new Set(
  (
    'plan planning report reporting manage management lead leading teach teaching sell selling drive ' +
    'driving write writing read reading work working care caring support supporting service train ' +
    'training design build building test testing cook cooking clean cleaning organise organize ' +
    'communicate communication coordinate monitor monitoring advise advising assist assisting ' +
    'help helping serve serving check checking assess assessment review reviewing deliver delivery ' +
    'order ordering handle handling maintain maintenance operate operating inspect inspection ' +
    'prepare preparation present presentation record recording schedule scheduling supervise ' +
    'supervision negotiate negotiation develop development research analyse analyze analysis ' +
    'coach coaching mentor mentoring listen listening learn learning lift lifting move moving'
  ).split(' '),
);

/**
 * Entries from ESCO's skills_en.csv: id "esco:<uuid>" from conceptUri, the preferred label first among the
 * aliases, then the alternative labels (one per line in the file); kind 'knowledge' for skillType
 * "knowledge", otherwise 'skill'. Throws on a file without the needed columns.
 */
export function parseEscoSkillsCsv(csvText: string): SkillEntry[] {
  const rows = parseCsv(csvText);
  const header = rows[0];
  if (!header) throw new Error('the ESCO skills file is empty');
  const col = (name: string): number => header.findIndex((h) => h.trim() === name);
  const uri = col('conceptUri');
  const type = col('skillType');
  const preferred = col('preferredLabel');
  const alt = col('altLabels');
  if (uri < 0 || preferred < 0)
    throw new Error('this is not ESCO skills_en.csv: it needs the columns conceptUri and preferredLabel');
  const entries: SkillEntry[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const conceptUri = (row[uri] ?? '').trim();
    const label = (row[preferred] ?? '').trim();
    if (conceptUri === '' || label === '') continue;
    const id = `esco:${conceptUri.slice(conceptUri.lastIndexOf('/') + 1)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const alternatives = alt < 0 ? [] : (row[alt] ?? '').split(/\r?\n/);
    // "=" and "@field" are markers in our alias syntax; no ESCO label needs them.
    const aliases = [...new Set([label, ...alternatives.map((a) => a.trim())])].filter(
      (a) => a !== '' && !a.startsWith('=') && !a.includes('@') && !GENERIC_WORDS.has(a.toLowerCase()),
    );
    if (aliases.length === 0) continue;
    const kind = (row[type] ?? '').trim() === 'knowledge' ? 'knowledge' : 'skill';
    entries.push({ id, label, kind, aliases });
  }
  return entries;
}
