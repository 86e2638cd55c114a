import { RaciRole } from '@baton/shared/contracts';
import { RaciDocument } from '../rules/raci-document';
import { raciProblems, RaciRule, raciShapeIssue } from '../rules/raci-rules';

const { Responsible: R, Accountable: A, Consulted: C, Informed: I } = RaciRole;

function doc(cells: Array<[string, string, RaciRole]>, steps = ['dm_intake', 'pms_entry']): RaciDocument {
  return {
    parties: ['smm', 'call_center', 'gm'].map((key) => ({ key, name: key, team: null, userIds: [], roles: [] })),
    steps: steps.map((key) => ({ key, name: key })),
    cells: cells.map(([step, party, role]) => ({ step, party, role })),
  };
}

describe('RACI rules (pure)', () => {
  it('accepts steps with exactly one A and at least one R (C and I are free)', () => {
    const matrix = doc([
      ['dm_intake', 'smm', R],
      ['dm_intake', 'call_center', R],
      ['dm_intake', 'gm', A],
      ['pms_entry', 'call_center', R],
      ['pms_entry', 'gm', A],
      ['pms_entry', 'smm', C],
    ]);
    expect(raciProblems(matrix)).toEqual([]);
    const informedOnly = doc([
      ['dm_intake', 'smm', R],
      ['dm_intake', 'gm', A],
      ['pms_entry', 'call_center', I],
      ['pms_entry', 'gm', A],
    ]);
    expect(raciProblems(informedOnly)).toEqual([{ step: 'pms_entry', rule: RaciRule.AtLeastOneResponsible, count: 0 }]);
  });

  it('names each broken rule per step in step order, with the count found', () => {
    const matrix = doc([
      ['dm_intake', 'smm', A],
      ['dm_intake', 'gm', A],
      ['pms_entry', 'smm', C],
    ]);
    expect(raciProblems(matrix)).toEqual([
      { step: 'dm_intake', rule: RaciRule.ExactlyOneAccountable, count: 2 },
      { step: 'dm_intake', rule: RaciRule.AtLeastOneResponsible, count: 0 },
      { step: 'pms_entry', rule: RaciRule.ExactlyOneAccountable, count: 0 },
      { step: 'pms_entry', rule: RaciRule.AtLeastOneResponsible, count: 0 },
    ]);
  });

  it('a matrix without steps has nothing to break', () => {
    expect(raciProblems(doc([], []))).toEqual([]);
  });

  it('finds repeated keys, dangling cells and two letters in one cell', () => {
    const ok = doc([['dm_intake', 'smm', R]]);
    expect(raciShapeIssue(ok)).toBeNull();
    expect(raciShapeIssue({ ...ok, parties: [...ok.parties, ok.parties[0]] })).toEqual({
      field: 'parties',
      reason: 'duplicate_party',
      key: 'smm',
    });
    expect(raciShapeIssue({ ...ok, steps: [...ok.steps, ok.steps[1]] })).toMatchObject({ reason: 'duplicate_step' });
    expect(raciShapeIssue(doc([['nope', 'smm', R]]))).toEqual({ field: 'cells', reason: 'unknown_step', key: 'nope' });
    expect(raciShapeIssue(doc([['dm_intake', 'ghost', R]]))).toMatchObject({ reason: 'unknown_party', key: 'ghost' });
    expect(
      raciShapeIssue(
        doc([
          ['dm_intake', 'smm', R],
          ['dm_intake', 'smm', A],
        ]),
      ),
    ).toEqual({ field: 'cells', reason: 'duplicate_cell', key: 'dm_intake/smm' });
  });
});
