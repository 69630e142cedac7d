import type { Company } from '../domain/model.js';
import { reposOf, type Context } from './context.js';

export function listCompanies(ctx: Context): Promise<Company[]> {
  return reposOf(ctx).companies.list();
}
