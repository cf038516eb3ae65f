import type { Requirement } from '../catalog/schema.ts';
import { formatVnOfficial } from '../time.ts';
import { appliesToText } from './applies-to-text.ts';
import type { DeadlineView } from './views.ts';

/** A requirement's deadlines in catalog order, each written as the dispatch writes it. */
export function deadlineViews(requirement: Requirement): DeadlineView[] {
  return requirement.deadlines.map((deadline) => ({ at: deadline.at, text: formatVnOfficial(deadline.at), appliesTo: appliesToText(deadline) }));
}

/** The earliest deadline after `asOf`, if any is left. */
export function nextDeadline(deadlines: readonly DeadlineView[], asOf: number): number | undefined {
  const ahead = deadlines.map((deadline) => deadline.at).filter((at) => at > asOf);
  return ahead.length === 0 ? undefined : Math.min(...ahead);
}
