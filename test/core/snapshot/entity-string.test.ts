import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const openSnapshotUrl = new URL('../../../functions/core/snapshot/open-snapshot.ts', import.meta.url).href;

/*
 * Whether a string is the interned literal is V8's to say (%IsInternalizedString, natives
 * syntax), so the records are read in a child process that allows it.
 */
const script = `
import { bufferInput, openSnapshot } from ${JSON.stringify(openSnapshotUrl)};
const text = 'unit_code,student_code,id_verification,status\\nT1,S1,verified,studying\\nT1,S2,verified,studying\\n';
const cases = [['so/students-2023.csv'], ['students/2023/ds.csv'], ['ds.csv'], ['ds.csv', ['stu', 'dents'].join('')]];
const seen = [];
for (const [name, entity] of cases) {
  const opened = await openSnapshot(bufferInput(name, text), entity === undefined ? undefined : { entity });
  const stamps = [opened.entity];
  for await (const rec of opened.records()) stamps.push(rec.entity);
  seen.push({ name, entity: opened.entity, interned: stamps.map((s) => %IsInternalizedString(s)) });
}
console.log(JSON.stringify(seen));
`;

describe('the entity a snapshot and its records carry', () => {
  it('is the literal of ENTITY_KINDS, however the name was made (file name, folder, header, argument)', () => {
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const seen = JSON.parse(out) as { name: string; entity: string; interned: boolean[] }[];
    expect(seen).toHaveLength(4);
    for (const one of seen) expect(one, one.name).toEqual({ name: one.name, entity: 'students', interned: [true, true, true] });
  });
});
