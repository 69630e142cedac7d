/**
 * ESCO's skills (skills_en.csv) from the file the user downloaded: the classification zip as published
 * (the CSV is found inside it) or the CSV on its own. Parsing is src/text/skills-esco.ts; this reads bytes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { unzipSync } from 'fflate';
import { invalidInput } from '../domain/errors.js';
import { parseEscoSkillsCsv, type SkillEntry } from '../text/skills.js';
import { decodeText } from './documents.js';

/** ESCO's English zip is 4 MB and its skills CSV 9.5 MB; allow for later versions. */
export const MAX_ESCO_BYTES = 200 * 1024 * 1024;
const CSV_NAME = 'skills_en.csv';

export async function readEscoSkills(path: string): Promise<SkillEntry[]> {
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  if (extension !== '.zip' && extension !== '.csv')
    throw invalidInput(`${name} is not an ESCO download: give the ESCO zip or its ${CSV_NAME}`);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw invalidInput(`${name} could not be read: is the path right?`);
  }
  if (size > MAX_ESCO_BYTES)
    throw invalidInput(`${name} is ${Math.round(size / 1024 / 1024)} MB, too large for an ESCO download`);
  const bytes = await readFile(path);
  return escoSkillsFromBuffer(bytes, name);
}

/** The same from bytes (an upload); `fileName` says whether they are the zip or the CSV. */
export function escoSkillsFromBuffer(bytes: Uint8Array, fileName: string): SkillEntry[] {
  const name = basename(fileName);
  const csv = extname(name).toLowerCase() === '.zip' ? csvFromZip(bytes, name) : bytes;
  let entries: SkillEntry[];
  try {
    entries = parseEscoSkillsCsv(decodeText(csv));
  } catch (error) {
    throw invalidInput(`${name}: ${(error as Error).message}`);
  }
  if (entries.length === 0) throw invalidInput(`${name} has no ESCO skills in it`);
  return entries;
}

function csvFromZip(bytes: Uint8Array, name: string): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    // Only the one member is inflated: the zip holds a dozen other CSVs.
    files = unzipSync(bytes, { filter: (file) => basename(file.name) === CSV_NAME });
  } catch {
    throw invalidInput(`${name} is not a readable zip file`);
  }
  const found = Object.values(files)[0];
  if (found === undefined)
    throw invalidInput(`${name} has no ${CSV_NAME} inside: is it ESCO's CSV download in English?`);
  return found;
}
