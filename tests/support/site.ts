/** Where the built site is, for tests that read or serve it. */
import { resolve } from 'node:path';

export const DIST = resolve(process.env.FANJIAN_OUT ?? 'dist');
export const SEED_SLUG = 'cyberspace-leading-group-2014';
