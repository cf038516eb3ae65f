import type { UnitRecord } from '../snapshot/entities.ts';
import type { Findings } from './findings.ts';

export type Role = 'officer' | 'head';

export interface Addressing {
  registry: ReadonlyMap<string, UnitRecord>;
  department: string;
}

export interface Addressees {
  to: string[];
  /** the unit whose addresses these are */
  unit: string;
}

const FIELD = { officer: 'officer_email', head: 'head_email' } as const;

/** The unit that answers for this one: its parent_code, else the department (for the department itself, nobody). */
export function supervisorOf(code: string, addressing: Addressing): string | undefined {
  const parent = addressing.registry.get(code)?.parentCode;
  if (parent !== undefined && parent !== code) return parent;
  return code === addressing.department ? undefined : addressing.department;
}

function addressOf(unit: UnitRecord, role: Role): string | undefined {
  const address = role === 'officer' ? unit.officerEmail : unit.headEmail;
  return address?.trim() || undefined;
}

/**
 * Who receives a message meant for `start`'s people in these roles. A unit with none of them
 * hands the message one level up (so it still reaches someone who can act) and each address
 * found missing on the way becomes a finding. Undefined when nobody up to the department has one.
 */
export function resolveAddressees(start: string, roles: readonly Role[], addressing: Addressing, findings: Findings): Addressees | undefined {
  const visited = new Set<string>();
  for (let code: string | undefined = start; code !== undefined && !visited.has(code); code = supervisorOf(code, addressing)) {
    visited.add(code);
    const unit = addressing.registry.get(code);
    if (!unit) {
      findings.add({ kind: 'not_in_registry', unit: code });
      continue;
    }
    const to: string[] = [];
    for (const role of roles) {
      const address = addressOf(unit, role);
      if (address === undefined) findings.add({ kind: 'missing_email', unit: code, field: FIELD[role] });
      else if (!to.some((a) => a.toLowerCase() === address.toLowerCase())) to.push(address);
    }
    if (to.length > 0) return { to, unit: code };
  }
  return undefined;
}
