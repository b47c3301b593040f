import * as v from 'valibot';
import { isRegionCode } from '../reader.ts';
import { code } from './problems.ts';

/* Field schemas the user's settings and the organisation's policy share. */

/** An ISO 3166-1 alpha-2 region code, upper-cased ("de" → "DE"). */
export const regionCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.check((value) => isRegionCode(value), code('not_region')),
);
