/** What one rule found for one unit, before deadlines turn it into a status. */
export interface Measurement {
  total: number;
  failing: number;
  failingCodes: string[];
  met: boolean;
  /** when the unit is known to have met the rule; set whenever `met` is */
  compliantSince?: number;
  warning?: number;
  /** the update window judges each change against its own effective date, not against a deadline */
  status?: 'compliant' | 'warning' | 'non_compliant';
}

/** The rule needs a summary the unit has not (yet) uploaded as of the evaluation instant. */
export const NO_DATA = 'no_data' as const;
export type Measured = Measurement | typeof NO_DATA;

/**
 * Credit needs an instant: a rule met at no known moment is not reported as met. Built by
 * assignment rather than spread, as it runs for every unit × requirement (see evaluate's result).
 */
export function measured(total: number, failing: number, failingCodes: string[], met: boolean, at: number | undefined): Measurement {
  const m: Measurement = { total, failing, failingCodes, met: met && at !== undefined };
  if (m.met) m.compliantSince = at;
  return m;
}
