import { z } from 'zod';
import { STATUSES } from '../../core/evaluation/types.ts';

/* Codes land in table keys: no `#`, no `/`, nothing a key builder would have to escape. */
export const UnitCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a unit code');

/** `<dispatch id>/<requirement id>`, as the catalog qualifies them. */
export const RequirementId = z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'expected <dispatch>/<requirement>');

export const StatusName = z.enum(STATUSES);
