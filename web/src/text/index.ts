import { en } from './en';

/** The app's words. One language for now; a translation is another module of the same shape. */
export const t = en;
