import type { RaciMatrix } from '@baton/web/data-access';
import {
  draftFrom,
  draftIsValid,
  keyFor,
  letterAt,
  rowProblems,
  toSaveInput,
  withLetter,
  withoutParty,
  withoutStep,
  withParty,
  withStep,
  withStepName,
} from '../raci-draft';

const matrix: RaciMatrix = {
  hotelId: 'h',
  version: 3,
  updatedAt: null,
  updatedByName: null,
  parties: [
    { key: 'smm', name: 'SMM', team: 'smm_agency', roles: [], userIds: ['u1'], members: [] },
    { key: 'gm', name: 'GM', team: null, roles: ['gm'], userIds: [], members: [] },
  ],
  steps: [
    { key: 'dm_intake', name: 'DM' },
    { key: 'pms_entry', name: 'PMS' },
  ],
  cells: [
    { step: 'dm_intake', party: 'smm', role: 'R' },
    { step: 'dm_intake', party: 'gm', role: 'A' },
    { step: 'pms_entry', party: 'smm', role: 'R' },
    { step: 'pms_entry', party: 'gm', role: 'A' },
  ],
  problems: [],
  autoAssign: true,
  digestTime: '08:30',
};

describe('RACI editor draft (pure)', () => {
  it('round-trips a matrix into the save input', () => {
    const draft = draftFrom(matrix);
    expect(draftIsValid(draft)).toBe(true);
    expect(toSaveInput(draft)).toEqual({
      version: 3,
      parties: [
        { key: 'smm', name: 'SMM', team: 'smm_agency', roles: [], userIds: ['u1'] },
        { key: 'gm', name: 'GM', team: null, roles: ['gm'], userIds: [] },
      ],
      steps: matrix.steps,
      cells: matrix.cells,
      autoAssign: true,
      digestTime: '08:30',
    });
  });

  it('sends an emptied digest time as null (no digest)', () => {
    const draft = { ...draftFrom({ ...matrix, digestTime: null }), autoAssign: false };
    expect(draft.digestTime).toBe('');
    expect(toSaveInput(draft)).toMatchObject({ autoAssign: false, digestTime: null });
  });

  it('flags a row with two A, then one without R, and clears when fixed', () => {
    let draft = withLetter(draftFrom(matrix), 'dm_intake', 'smm', 'A');
    expect(rowProblems(draft)).toEqual(
      new Map([
        [
          'dm_intake',
          [
            { rule: 'exactly_one_accountable', count: 2 },
            { rule: 'at_least_one_responsible', count: 0 },
          ],
        ],
      ]),
    );
    expect(draftIsValid(draft)).toBe(false);
    draft = withLetter(draft, 'dm_intake', 'smm', 'R');
    expect(rowProblems(draft).size).toBe(0);
    draft = withLetter(draft, 'pms_entry', 'gm', null);
    expect(rowProblems(draft).get('pms_entry')).toEqual([{ rule: 'exactly_one_accountable', count: 0 }]);
  });

  it('adds and removes rows and columns, dropping their cells', () => {
    let draft = withParty(draftFrom(matrix), 'Ön büro');
    expect(draft.parties.map((p) => p.key)).toEqual(['smm', 'gm', 'on_buro']);
    draft = withStep(draft, 'Şikayet çözümü');
    expect(draft.steps.at(-1)).toEqual({ key: 'sikayet_cozumu', name: 'Şikayet çözümü' });
    expect(rowProblems(draft).has('sikayet_cozumu')).toBe(true);
    draft = withoutStep(draft, 'sikayet_cozumu');
    draft = withoutParty(draft, 'smm');
    expect(letterAt(draft, 'dm_intake', 'smm')).toBeNull();
    expect(toSaveInput(draft).cells).toEqual([
      { step: 'dm_intake', party: 'gm', role: 'A' },
      { step: 'pms_entry', party: 'gm', role: 'A' },
    ]);
    expect(draftIsValid(withStepName(draftFrom(matrix), 'dm_intake', '  '))).toBe(false);
  });

  it('makes unique keys from names', () => {
    expect(keyFor('Çağrı Merkezi', [])).toBe('cagri_merkezi');
    expect(keyFor('GM', ['gm', 'gm_2'])).toBe('gm_3');
    expect(keyFor('!!!', [])).toBe('item');
  });
});
