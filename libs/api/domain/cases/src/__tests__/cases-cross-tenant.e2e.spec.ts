import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@baton/shared/contracts';
import { CasesE2e, errorsOf } from './cases-e2e';

type Op = [name: string, query: string, variables: (hotelId: string, id: string) => Record<string, unknown>];

/**
 * Every cases query and mutation: hotel B's id, used by hotel A's admin, answers exactly like an id that does not
 * exist (same code, same message), and so does any id of a hotel B row used under hotel A.
 */
describe('cases: cross-tenant ids behave like missing ids (e2e)', () => {
  const t = new CasesE2e();
  let hotelA: string;
  let hotelB: string;
  let caseA: string;
  let caseB: { caseId: string; caseNumber: string; messageId: string };
  let handoffB: string;

  beforeAll(async () => {
    await t.start();
    hotelA = t.world.hotelA.id;
    hotelB = t.world.hotelB.id;
    caseA = (await t.newCase()).caseId;
    caseB = await t.newCase({ guestName: 'B', contact: 'b@example.com', requestText: 'B' }, hotelB);
    await t.cases.owner(
      `UPDATE case_message SET direction = 'outbound', delivery_status = 'failed' WHERE id = $1`,
      [caseB.messageId],
      hotelB,
    );
    handoffB = (
      await t.cases.owner<{ id: string }>(
        `INSERT INTO case_handoff (tenant_id, case_id, to_team, reason) VALUES ($1, $2, 'sales', 'manual') RETURNING id`,
        [hotelB, caseB.caseId],
        hotelB,
      )
    )[0].id;
  });
  afterAll(() => t.stop());

  const byHotel: Op[] = [
    ['cases', `query($h: ID!) { cases(hotelId: $h) { totalCount } }`, (h) => ({ h })],
    ['queueState', `query($h: ID!) { queueState(hotelId: $h) { open } }`, (h) => ({ h })],
    ['dictionary', `query($h: ID!) { dictionary(hotelId: $h) { code } }`, (h) => ({ h })],
    [
      'saveDictionaryEntry',
      `mutation($i: SaveDictionaryEntryInput!) { saveDictionaryEntry(input: $i) { code } }`,
      (h) => ({ i: { hotelId: h, kind: 'label', code: 'taken', labelTr: 'x', labelEn: 'x' } }),
    ],
  ];

  const byEntity: Op[] = [
    ['case', `query($h: ID!, $id: ID!) { case(hotelId: $h, id: $id) { id } }`, (h, id) => ({ h, id })],
    [
      'caseByNumber',
      `query($h: ID!, $id: String!) { caseByNumber(hotelId: $h, number: $id) { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'updateCase',
      `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, priority: 'P1' } }),
    ],
    [
      'changeCaseStatus',
      `mutation($i: ChangeCaseStatusInput!) { changeCaseStatus(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, status: 'open' } }),
    ],
    [
      'assignCase',
      `mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, ownerId: null } }),
    ],
    [
      'handOffCase',
      `mutation($i: HandOffCaseInput!) { handOffCase(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, id, toTeam: 'sales', reason: 'manual' } }),
    ],
    [
      'acceptHandoff',
      `mutation($h: ID!, $id: ID!) { acceptHandoff(hotelId: $h, handoffId: $id) { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'addCaseNote',
      `mutation($h: ID!, $id: ID!) { addCaseNote(hotelId: $h, caseId: $id, body: "x") { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'replyToCase',
      `mutation($i: ReplyToCaseInput!) { replyToCase(input: $i) { id } }`,
      (h, id) => ({ i: { hotelId: h, caseId: id, body: 'x' } }),
    ],
    [
      'retryMessage',
      `mutation($h: ID!, $id: ID!) { retryMessage(hotelId: $h, messageId: $id) { id } }`,
      (h, id) => ({ h, id }),
    ],
    [
      'mergeCases (survivor)',
      `mutation($h: ID!, $id: ID!, $m: ID!) { mergeCases(hotelId: $h, survivorId: $id, mergedId: $m) { id } }`,
      (h, id) => ({ h, id, m: caseA }),
    ],
    [
      'mergeCases (merged)',
      `mutation($h: ID!, $id: ID!, $s: ID!) { mergeCases(hotelId: $h, survivorId: $s, mergedId: $id) { id } }`,
      (h, id) => ({ h, id, s: caseA }),
    ],
  ];

  const foreignIdOf = (name: string): string => {
    if (name === 'caseByNumber') {
      return caseB.caseNumber;
    }
    if (name === 'acceptHandoff') {
      return handoffB;
    }
    if (name === 'retryMessage') {
      return caseB.messageId;
    }
    return caseB.caseId;
  };
  const missingIdOf = (name: string): string => (name === 'caseByNumber' ? 'BLK-1999-000001' : randomUUID());

  it.each([...byHotel, ...byEntity])("%s: hotel B's id answers like a missing hotel", async (name, query, vars) => {
    const id = foreignIdOf(name);
    const foreign = await t.gql(query, vars(hotelB, id), 'adminA');
    const missing = await t.gql(query, vars(randomUUID(), id), 'adminA');
    expect(foreign.data ?? null).toBeNull();
    expect(errorsOf(foreign)?.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: ErrorCode.NotFound, message: 'Hotel not found' },
    ]);
    expect(errorsOf(foreign)?.map((e) => e.code)).toEqual(errorsOf(missing)?.map((e) => e.code));
    expect(errorsOf(foreign)?.map((e) => e.message)).toEqual(errorsOf(missing)?.map((e) => e.message));
  });

  it.each(byEntity)('%s: a hotel B row under hotel A answers like a missing id', async (name, query, vars) => {
    const foreign = await t.gql(query, vars(hotelA, foreignIdOf(name)), 'adminA');
    const missing = await t.gql(query, vars(hotelA, missingIdOf(name)), 'adminA');
    const strip = (r: typeof foreign) => errorsOf(r)?.map(({ code, message }) => ({ code, message }));
    expect(foreign.data ?? null).toBeNull();
    expect(strip(foreign)).toEqual(strip(missing));
    expect(strip(foreign)?.[0].code).toBe(ErrorCode.NotFound);
  });

  it("leaves hotel B's case untouched and lists only hotel A's cases", async () => {
    const rows = await t.cases.owner<{ status: string; priority: string; owner_id: string | null }>(
      `SELECT status, priority, owner_id FROM guest_case WHERE id = $1`,
      [caseB.caseId],
      hotelB,
    );
    expect(rows).toEqual([{ status: 'new', priority: 'P3', owner_id: null }]);
    const notes = await t.cases.owner(`SELECT 1 FROM case_note WHERE case_id = $1`, [caseB.caseId], hotelB);
    expect(notes).toEqual([]);
    const list = await t.gql<{ cases: { edges: Array<{ node: { hotelId: string } }> } }>(
      `query($h: ID!) { cases(hotelId: $h, first: 100) { edges { node { hotelId } } } }`,
      { h: hotelA },
      'agencyAdmin',
    );
    expect(new Set(list.data?.cases.edges.map((e) => e.node.hotelId))).toEqual(new Set([hotelA]));
  });
});
