/** days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar */
const EPOCH_DAYS = 719_468;
const DAYS_PER_ERA = 146_097;

/**
 * Days since 1970-01-01 of a valid calendar day (Hinnant's days_from_civil): plain integer
 * arithmetic, from which calendar-date.ts tabulates the first day of every month.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_DAYS;
}
