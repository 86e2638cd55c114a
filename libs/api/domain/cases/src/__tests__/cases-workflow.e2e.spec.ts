import { AuditAction, Channel, ErrorCode } from '@baton/shared/contracts';
import { CASE_FIELDS, CasesE2e, CaseView, firstError } from './cases-e2e';

const CHANGE = `mutation($input: ChangeCaseStatusInput!) { changeCaseStatus(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCaseInput!) { updateCase(input: $input) { ${CASE_FIELDS} } }`;
const ASSIGN = `mutation($input: AssignCaseInput!) { assignCase(input: $input) { ${CASE_FIELDS} } }`;
const HANDOFF_FIELDS = `id caseId fromTeam fromChannel toTeam toChannel reason note requestedAt requestedByName acceptedAt
  acceptedByName secondsToAccept`;
const HAND_OFF = `mutation($input: HandOffCaseInput!) { handOffCase(input: $input) { ${HANDOFF_FIELDS} } }`;
const ACCEPT = `mutation($h: ID!, $id: ID!) { acceptHandoff(hotelId: $h, handoffId: $id) { ${HANDOFF_FIELDS} } }`;
const NOTE = `mutation($h: ID!, $c: ID!, $b: String!) { addCaseNote(hotelId: $h, caseId: $c, body: $b) { id caseId authorName body createdAt } }`;
const MERGE = `mutation($h: ID!, $s: ID!, $m: ID!) { mergeCases(hotelId: $h, survivorId: $s, mergedId: $m) { ${CASE_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id caseId direction channel body authorName deliveryStatus attempts } }`;
const RETRY = `mutation($h: ID!, $id: ID!) { retryMessage(hotelId: $h, messageId: $id) { id deliveryStatus } }`;

describe('case workflow through GraphQL (e2e)', () => {
  const t = new CasesE2e();
  let hotelId: string;

  const change = (input: Record<string, unknown>, who = 'agentA') =>
    t.gql<{ changeCaseStatus: CaseView }>(CHANGE, { input: { hotelId, ...input } }, who);

  beforeAll(async () => {
    await t.start();
    hotelId = t.world.hotelA.id;
  });
  afterAll(() => t.stop());

  describe('status transitions', () => {
    it('follows the pipeline, records every transition with its actor, and audits each change', async () => {
      const { caseId } = await t.newCase();
      for (const status of ['open', 'in_progress', 'quoted']) {
        const r = await change({ id: caseId, status });
        expect(r.errors).toBeUndefined();
        expect(r.data?.changeCaseStatus.status).toBe(status);
      }
      const won = await change({ id: caseId, status: 'won', note: 'deposit paid' });
      expect(won.data?.changeCaseStatus).toMatchObject({
        status: 'won',
        closedAt: expect.any(String),
        allowedTransitions: ['closed'],
      });
      const detail = await t.getCase(
        hotelId,
        caseId,
        'agentA',
        'transitions { fromStatus toStatus reason actorName occurredAt }',
      );
      expect(detail.transitions).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'new' }),
        expect.objectContaining({ fromStatus: 'new', toStatus: 'open', actorName: 'agent-a' }),
        expect.objectContaining({ fromStatus: 'open', toStatus: 'in_progress', actorName: 'agent-a' }),
        expect.objectContaining({ fromStatus: 'in_progress', toStatus: 'quoted' }),
        expect.objectContaining({ fromStatus: 'quoted', toStatus: 'won', reason: 'deposit paid' }),
      ]);
      expect(await t.auditActions(caseId)).toEqual([
        AuditAction.CaseCreated,
        ...Array(4).fill(AuditAction.CaseStatusChanged),
      ]);
    });

    it('refuses a transition the pipeline does not allow with INVALID_TRANSITION {from, to, allowed}', async () => {
      const { caseId } = await t.newCase();
      const r = await change({ id: caseId, status: 'quoted' });
      expect(firstError(r)).toEqual({
        code: ErrorCode.InvalidTransition,
        message: 'A case cannot go from new to quoted (allowed: open, in_progress, handed_off, closed, lost)',
        details: { from: 'new', to: 'quoted', allowed: ['open', 'in_progress', 'handed_off', 'closed', 'lost'] },
      });
      expect(firstError(await change({ id: caseId, status: 'new' }))?.code).toBe(ErrorCode.InvalidTransition);
      expect(firstError(await change({ id: caseId, status: 'handed_off' }))).toMatchObject({
        code: ErrorCode.BadUserInput,
        details: { field: 'status' },
      });
      expect(firstError(await change({ id: caseId, status: 'archived' }))?.code).toBe(ErrorCode.BadUserInput);
    });

    it('lost needs a lost reason of the hotel; reopening clears it and closedAt', async () => {
      const { caseId } = await t.newCase();
      expect(firstError(await change({ id: caseId, status: 'lost' }))).toMatchObject({
        code: ErrorCode.BadUserInput,
        message: 'lostReason is required when a case is lost',
        details: { field: 'lostReason' },
      });
      expect(firstError(await change({ id: caseId, status: 'lost', lostReason: 'weather' }))).toMatchObject({
        code: ErrorCode.BadUserInput,
        message: "lostReason: 'weather' is not an active lost_reason of this hotel",
        details: { field: 'lostReason', code: 'weather' },
      });
      expect(firstError(await change({ id: caseId, status: 'open', lostReason: 'price' }))?.code).toBe(
        ErrorCode.BadUserInput,
      );
      const lost = await change({ id: caseId, status: 'lost', lostReason: 'price' });
      expect(lost.data?.changeCaseStatus).toMatchObject({
        status: 'lost',
        lostReason: 'price',
        closedAt: expect.any(String),
      });
      const reopened = await change({ id: caseId, status: 'open' });
      expect(reopened.data?.changeCaseStatus).toMatchObject({ status: 'open', lostReason: null, closedAt: null });
    });

    it('is refused to a viewer (FORBIDDEN: no cases.write anywhere)', async () => {
      const { caseId } = await t.newCase();
      expect(firstError(await change({ id: caseId, status: 'open' }, 'viewerA'))?.code).toBe(ErrorCode.Forbidden);
    });
  });

  describe('handoffs', () => {
    it('refuses a handoff naming the missing mandatory fields, then hands off and is accepted', async () => {
      const { caseId } = await t.newCase({
        guestName: null,
        contact: null,
        requestText: null,
        channel: Channel.Instagram,
      });
      const input = { hotelId, id: caseId, toTeam: 'sales', reason: 'two_rounds_unresolved', note: 'Grup talebi' };
      const refused = await t.gql(HAND_OFF, { input }, 'agentA');
      expect(firstError(refused)).toEqual({
        code: ErrorCode.MandatoryFieldsMissing,
        message: 'guestName, contact, requestText are required before a handoff',
        details: { missingFields: ['guestName', 'contact', 'requestText'] },
      });
      await t.ok(UPDATE, { input: { hotelId, id: caseId, guestName: 'Zeynep Kaya', requestText: '20 kişilik grup' } });
      const still = await t.gql(HAND_OFF, { input }, 'agentA');
      expect(firstError(still)).toMatchObject({
        message: 'contact is required before a handoff',
        details: { missingFields: ['contact'] },
      });
      await t.ok(UPDATE, { input: { hotelId, id: caseId, contact: '+905551112233', team: 'smm_agency' } });
      expect(firstError(await t.gql(HAND_OFF, { input: { ...input, toTeam: 'marketing' } }, 'agentA'))).toMatchObject({
        code: ErrorCode.BadUserInput,
        details: { field: 'toTeam', code: 'marketing' },
      });

      const handed = await t.ok<{ handOffCase: Record<string, unknown> }>(HAND_OFF, {
        input: { ...input, toChannel: 'whatsapp' },
      });
      expect(handed.handOffCase).toMatchObject({
        caseId,
        fromTeam: 'smm_agency',
        fromChannel: 'instagram',
        toTeam: 'sales',
        toChannel: 'whatsapp',
        reason: 'two_rounds_unresolved',
        note: 'Grup talebi',
        requestedByName: 'agent-a',
        acceptedAt: null,
        secondsToAccept: null,
      });
      expect((await t.getCase(hotelId, caseId)).status).toBe('handed_off');
      // handed_off cannot be handed off again before it moves on
      expect(firstError(await t.gql(HAND_OFF, { input }, 'agentA'))?.code).toBe(ErrorCode.InvalidTransition);

      await new Promise((r) => setTimeout(r, 1100));
      const accepted = await t.ok<{ acceptHandoff: Record<string, unknown> }>(
        ACCEPT,
        { h: hotelId, id: handed.handOffCase.id },
        'supervisorA',
      );
      expect(accepted.acceptHandoff).toMatchObject({ acceptedByName: 'supervisor-a', acceptedAt: expect.any(String) });
      expect(accepted.acceptHandoff.secondsToAccept).toBeGreaterThanOrEqual(1);
      const after = await t.getCase(hotelId, caseId, 'agentA', `handoffs { id acceptedByName secondsToAccept }`);
      expect(after).toMatchObject({ ownerId: t.world.users.supervisorA.id, ownerName: 'supervisor-a', team: 'sales' });
      expect(after.handoffs).toEqual([
        {
          id: handed.handOffCase.id,
          acceptedByName: 'supervisor-a',
          secondsToAccept: accepted.acceptHandoff.secondsToAccept,
        },
      ]);
      const again = await t.gql(ACCEPT, { h: hotelId, id: handed.handOffCase.id }, 'agentA');
      expect(firstError(again)?.code).toBe(ErrorCode.Conflict);
      expect(await t.auditActions(caseId)).toEqual(
        expect.arrayContaining([AuditAction.CaseUpdated, AuditAction.CaseHandedOff, AuditAction.CaseHandoffAccepted]),
      );
    });
  });

  describe('fields, notes and assignment', () => {
    it('validates dictionary fields, naming the field and the bad code', async () => {
      const { caseId } = await t.newCase();
      const bad = await t.gql(UPDATE, { input: { hotelId, id: caseId, labels: ['honeymoon', 'yacht'] } }, 'agentA');
      expect(firstError(bad)).toEqual({
        code: ErrorCode.BadUserInput,
        message: "labels: 'yacht' is not an active label of this hotel",
        details: { reason: 'unknown_dictionary_code', field: 'labels', code: 'yacht', kind: 'label' },
      });
      const badType = await t.gql(UPDATE, { input: { hotelId, id: caseId, requestType: 'spa_day' } }, 'agentA');
      expect(firstError(badType)?.details).toMatchObject({ field: 'requestType', code: 'spa_day' });
      const badPriority = await t.gql(UPDATE, { input: { hotelId, id: caseId, priority: 'P9' } }, 'agentA');
      expect(firstError(badPriority)?.code).toBe(ErrorCode.BadUserInput);
      const ok = await t.ok<{ updateCase: CaseView }>(UPDATE, {
        input: { hotelId, id: caseId, labels: ['honeymoon', 'spa'], requestType: 'vip', priority: 'P1' },
      });
      expect(ok.updateCase).toMatchObject({ labels: ['honeymoon', 'spa'], requestType: 'vip', priority: 'P1' });
      const cleared = await t.ok<{ updateCase: CaseView }>(UPDATE, {
        input: { hotelId, id: caseId, requestType: null },
      });
      expect(cleared.updateCase).toMatchObject({ requestType: null, labels: ['honeymoon', 'spa'], priority: 'P1' });
    });

    it('adds internal notes, listed oldest first with their author', async () => {
      const { caseId } = await t.newCase();
      await t.ok(NOTE, { h: hotelId, c: caseId, b: 'Misafir VIP, dikkat.' });
      await t.ok(NOTE, { h: hotelId, c: caseId, b: 'Fiyat gönderildi.' }, 'supervisorA');
      expect(firstError(await t.gql(NOTE, { h: hotelId, c: caseId, b: '   ' }, 'agentA'))?.code).toBe(
        ErrorCode.BadUserInput,
      );
      const detail = await t.getCase(hotelId, caseId, 'agentA', 'notes { authorName body }');
      expect(detail.notes).toEqual([
        { authorName: 'agent-a', body: 'Misafir VIP, dikkat.' },
        { authorName: 'supervisor-a', body: 'Fiyat gönderildi.' },
      ]);
      expect(await t.auditActions(caseId)).toEqual([
        AuditAction.CaseCreated,
        AuditAction.CaseNoteAdded,
        AuditAction.CaseNoteAdded,
      ]);
    });

    it('assigns to hotel members and agency staff, refuses anyone else, and unassigns with null', async () => {
      const { caseId } = await t.newCase();
      const { users } = t.world;
      const toAgent = await t.ok<{ assignCase: CaseView }>(ASSIGN, {
        input: { hotelId, id: caseId, ownerId: users.agentA.id, team: 'call_center' },
      });
      expect(toAgent.assignCase).toMatchObject({ ownerId: users.agentA.id, ownerName: 'agent-a', team: 'call_center' });
      const toAgency = await t.ok<{ assignCase: CaseView }>(ASSIGN, {
        input: { hotelId, id: caseId, ownerId: users.agencyAdmin.id },
      });
      expect(toAgency.assignCase).toMatchObject({ ownerName: 'agency-admin', team: 'call_center' });
      for (const outsider of [users.adminB.id, '5b0c2c1e-8f5e-4a43-9d1e-3f3f3f3f3f3f']) {
        const refused = await t.gql(ASSIGN, { input: { hotelId, id: caseId, ownerId: outsider } }, 'agentA');
        expect(firstError(refused)).toMatchObject({ code: ErrorCode.BadUserInput, details: { field: 'ownerId' } });
      }
      const unassigned = await t.ok<{ assignCase: CaseView }>(ASSIGN, {
        input: { hotelId, id: caseId, ownerId: null },
      });
      expect(unassigned.assignCase).toMatchObject({ ownerId: null, ownerName: null, team: 'call_center' });
      expect((await t.auditActions(caseId)).filter((a) => a === AuditAction.CaseAssigned)).toHaveLength(3);
    });
  });

  describe('merge', () => {
    it('merges two open cases of one guest: the survivor keeps its number and takes the timeline', async () => {
      const first = await t.newCase({ body: 'İlk mesaj', guestName: 'Emre' });
      const second = await t.newCase({
        body: 'İkinci hesaptan yazıyorum',
        channel: Channel.Instagram,
        contact: 'emre.ig',
      });
      // Guest identity merged the second guest into the first (the guests domain's job; simulated here).
      await t.cases.owner(`UPDATE guest SET merged_into_id = $1 WHERE id = $2`, [first.guestId, second.guestId]);
      await t.ok(NOTE, { h: hotelId, c: second.caseId, b: 'Not on the merged case' });
      const merged = await t.ok<{ mergeCases: CaseView }>(MERGE, { h: hotelId, s: first.caseId, m: second.caseId });
      expect(merged.mergeCases).toMatchObject({
        id: first.caseId,
        number: first.caseNumber,
        guestName: 'Emre',
        contact: 'emre.ig',
      });
      const survivor = await t.getCase(hotelId, first.caseId, 'agentA', 'messages { body } notes { body }');
      expect((survivor.messages as Array<{ body: string }>).map((m) => m.body).sort()).toEqual([
        'İkinci hesaptan yazıyorum',
        'İlk mesaj',
      ]);
      expect(survivor.notes).toEqual([{ body: 'Not on the merged case' }]);
      const gone = await t.getCase(hotelId, second.caseId, 'agentA', 'messages { id } transitions { toStatus reason }');
      expect(gone).toMatchObject({
        status: 'closed',
        mergedIntoId: first.caseId,
        allowedTransitions: [],
        messages: [],
      });
      expect((gone.transitions as unknown[]).at(-1)).toEqual({
        toStatus: 'closed',
        reason: `merged into ${first.caseNumber}`,
      });
      expect(firstError(await t.gql(MERGE, { h: hotelId, s: first.caseId, m: second.caseId }, 'agentA'))?.code).toBe(
        ErrorCode.Conflict,
      );
      expect(
        firstError(await t.gql(CHANGE, { input: { hotelId, id: second.caseId, status: 'open' } }, 'agentA'))?.code,
      ).toBe(ErrorCode.InvalidTransition);
      expect(await t.auditActions(first.caseId)).toContain(AuditAction.CaseMerged);
    });

    it('refuses cases of different guests and a case merged into itself', async () => {
      const a = await t.newCase();
      const b = await t.newCase();
      expect(firstError(await t.gql(MERGE, { h: hotelId, s: a.caseId, m: b.caseId }, 'agentA'))).toMatchObject({
        code: ErrorCode.BadUserInput,
        message: 'Only cases of the same guest can be merged',
      });
      expect(firstError(await t.gql(MERGE, { h: hotelId, s: a.caseId, m: a.caseId }, 'agentA'))?.code).toBe(
        ErrorCode.BadUserInput,
      );
    });
  });

  describe('replies', () => {
    it('queues a reply on the case channel as a hotel response; refuses channels Baton cannot send on', async () => {
      const { caseId } = await t.newCase();
      const reply = await t.ok<{ replyToCase: Record<string, unknown> }>(REPLY, {
        input: { hotelId, caseId, body: 'Merhaba, yardımcı olalım.' },
      });
      expect(reply.replyToCase).toMatchObject({
        caseId,
        direction: 'outbound',
        channel: 'whatsapp',
        authorName: 'agent-a',
        deliveryStatus: 'queued',
        attempts: 0,
      });
      const after = await t.getCase(hotelId, caseId);
      expect(after).toMatchObject({ messageRounds: 1, waitingSince: null });
      expect(after.firstResponseSeconds).toEqual(expect.any(Number));
      expect(
        firstError(await t.gql(REPLY, { input: { hotelId, caseId, body: 'x', channel: 'ota' } }, 'agentA')),
      ).toMatchObject({
        code: ErrorCode.BadUserInput,
        details: { field: 'channel' },
      });
      const phoneCase = await t.newCase({ channel: Channel.Phone, source: 'pbx' });
      expect(
        firstError(await t.gql(REPLY, { input: { hotelId, caseId: phoneCase.caseId, body: 'x' } }, 'agentA'))?.code,
      ).toBe(ErrorCode.BadUserInput);
      const byMail = await t.ok<{ replyToCase: { channel: string } }>(REPLY, {
        input: { hotelId, caseId: phoneCase.caseId, body: 'Teklif ekte', channel: 'email' },
      });
      expect(byMail.replyToCase.channel).toBe('email');
      expect(await t.auditActions(caseId)).toEqual([AuditAction.CaseCreated, AuditAction.CaseReplied]);
    });

    it('retries only failed outbound messages', async () => {
      const { caseId, messageId: inbound } = await t.newCase();
      const reply = await t.ok<{ replyToCase: { id: string } }>(REPLY, {
        input: { hotelId, caseId, body: 'Tekrar deneyelim' },
      });
      const id = reply.replyToCase.id;
      expect(firstError(await t.gql(RETRY, { h: hotelId, id }, 'agentA'))?.code).toBe(ErrorCode.Conflict);
      expect(firstError(await t.gql(RETRY, { h: hotelId, id: inbound }, 'agentA'))?.code).toBe(ErrorCode.Conflict);
      await t.cases.owner(
        `UPDATE case_message SET delivery_status = 'failed', last_error = '470 window closed' WHERE id = $1`,
        [id],
      );
      const retried = await t.ok<{ retryMessage: { deliveryStatus: string } }>(RETRY, { h: hotelId, id });
      expect(retried.retryMessage.deliveryStatus).toBe('queued');
      expect(await t.auditActions(id)).toEqual([AuditAction.CaseReplied]);
    });
  });
});
