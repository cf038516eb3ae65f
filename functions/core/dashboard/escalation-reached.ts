import type { NotificationRecord } from '../ports/notification-log.ts';
import type { EscalationReached } from './views.ts';

const RANK: Record<EscalationReached, number> = { none: 0, reminders: 1, office: 2, department: 3 };

function stageReached(stage: string): EscalationReached {
  if (stage === 'escalation-2') return 'department';
  if (stage === 'escalation-1') return 'office';
  return stage.startsWith('reminder-') ? 'reminders' : 'none';
}

/** The furthest stage of the chain that actually went out (SES accepted it) for one unit and requirement. */
export function escalationReached(claims: readonly NotificationRecord[], unit: string, requirement: string): EscalationReached {
  let reached: EscalationReached = 'none';
  for (const claim of claims) {
    if (claim.unit !== unit || claim.requirement !== requirement || claim.sentAt === undefined) continue;
    const stage = stageReached(claim.stage);
    if (RANK[stage] > RANK[reached]) reached = stage;
  }
  return reached;
}
