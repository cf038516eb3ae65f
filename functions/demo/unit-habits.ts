import { deriveSeed, mulberry32 } from './prng.ts';

/** Seed 002's freshness rule allows 30 days; a unit that stopped syncing this long ago is stale at the as-of and two weeks before it. */
export const STALE_SYNC_DAYS = 45;

const STALE_SHARE = 0.08;
const REENTERED_SHARE = 0.15;
const CARELESS_STAFF_SHARE = 0.25;
/** In a careless unit, the share of active staff records with one field left blank. */
const STAFF_GAP_SHARE = 0.05;

/**
 * How one school or centre keeps its person data, drawn once from the seed and its code. The
 * habits are what seed 002's "sống" and "sạch" rules, the rollover rules and the staff
 * completeness rules exist to catch, so a province has units that have them and units that
 * do not; none of them moves an active or unverified count of seed 004's tables.
 */
export interface UnitHabits {
  /** its last upload of students and staff is STALE_SYNC_DAYS old (so it is not rolled over to a year begun since) */
  staleSync: boolean;
  /** a person who left was entered again under a new code, and the old record kept the same national ID */
  reentered: { students: boolean; staff: boolean };
  /** share of its active staff records with one field blank: 0, or STAFF_GAP_SHARE for a careless officer */
  staffGapShare: number;
}

export function unitHabits(seed: number, unitCode: string): UnitHabits {
  const rng = mulberry32(deriveSeed(seed, 'habits', unitCode));
  return {
    staleSync: rng.chance(STALE_SHARE),
    reentered: { students: rng.chance(REENTERED_SHARE), staff: rng.chance(REENTERED_SHARE) },
    staffGapShare: rng.chance(CARELESS_STAFF_SHARE) ? STAFF_GAP_SHARE : 0,
  };
}
