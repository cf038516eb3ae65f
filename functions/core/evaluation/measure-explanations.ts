import type { Rule } from '../catalog/schema.ts';
import type { EntityKind } from '../snapshot/entities.ts';
import { NO_DATA, measured, type Measured } from './measurement.ts';
import type { UnitState } from './types.ts';

type ExplanationsRule = Extract<Rule, { kind: 'explanations' }>;

/**
 * Every active record still unverified needs an explanation with the parts the rule asks
 * for. Explanations usually arrive as one file for many units (seed 004's Phụ lục), so once
 * any explanations snapshot exists, a unit absent from all of them has explained nothing;
 * before that there is nothing to judge.
 */
export function measureExplanations(rule: ExplanationsRule, state: UnitState | undefined, entitiesSeen: ReadonlySet<EntityKind>): Measured {
  const people = state?.[rule.entity];
  if (!people) return NO_DATA;
  const codes = people.unverifiedCodes ?? [];
  const explained = state?.explanations;
  if (!explained && codes.length > 0 && !entitiesSeen.has('explanations')) return NO_DATA;
  const given = explained?.explanations?.[rule.entity] ?? {};
  const failingCodes = codes.filter((code) => {
    const parts = given[code];
    return (
      !parts ||
      rule.fields.some((field) => (field === 'cause' ? !parts.cause : field === 'remedy' ? !parts.remedy : parts.expectedDate === undefined))
    );
  });
  const met = failingCodes.length === 0;
  const since = explained?.asOf ?? people.asOf;
  return measured(codes.length, failingCodes.length, failingCodes, met, since);
}
