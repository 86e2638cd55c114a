import { Channel, RaciProcessStep, TicketKind } from '@baton/shared/contracts';
import { recipientsOf } from '../digest/raci-digests';
import { nextDigestAt, previousDay } from '../digest/digest-window';
import { caseRoutingStep, isBookingWon, ticketRoutingStep } from '../steps/routing-steps';

describe('routing steps', () => {
  it('routes complaints before channels, phone to the call center, everything else to DM intake', () => {
    const of = (channel: string, requestType: string | null = null, labels: string[] = []) =>
      caseRoutingStep({ channel, requestType, labels });
    expect(of(Channel.Instagram)).toBe(RaciProcessStep.DmIntake);
    expect(of(Channel.Email)).toBe(RaciProcessStep.DmIntake);
    expect(of(Channel.Phone)).toBe(RaciProcessStep.CallCenterFollowUp);
    expect(of(Channel.Phone, 'complaint')).toBe(RaciProcessStep.ComplaintResolution);
    expect(of(Channel.WhatsApp, 'reservation', ['complaint'])).toBe(RaciProcessStep.ComplaintResolution);
  });

  it('routes approvals, callbacks and complaint tickets; other tickets have no step', () => {
    expect(ticketRoutingStep({ kind: TicketKind.Approval, category: 'content_approval' })).toBe(
      RaciProcessStep.ContentApproval,
    );
    expect(ticketRoutingStep({ kind: TicketKind.Callback, category: 'callback' })).toBe(
      RaciProcessStep.CallCenterFollowUp,
    );
    expect(ticketRoutingStep({ kind: TicketKind.Ticket, category: 'complaint' })).toBe(
      RaciProcessStep.ComplaintResolution,
    );
    expect(ticketRoutingStep({ kind: TicketKind.Task, category: 'maintenance' })).toBeNull();
  });

  it('sees a booking won only on the move into won', () => {
    expect(isBookingWon({ from: 'quoted', to: 'won' })).toBe(true);
    expect(isBookingWon({ from: 'won', to: 'closed' })).toBe(false);
  });
});

describe('digest window', () => {
  it('reports on the hotel-local day before the firing, in Istanbul (UTC+3)', () => {
    expect(previousDay('Europe/Istanbul', new Date('2026-11-25T05:30:00Z'))).toEqual({
      date: '2026-11-24',
      from: new Date('2026-11-23T21:00:00Z'),
      to: new Date('2026-11-24T21:00:00Z'),
    });
  });

  it('has 23-hour days across a spring-forward and fires at the wall-clock time either side of it', () => {
    const day = previousDay('America/New_York', new Date('2026-03-09T13:30:00Z'));
    expect(day.date).toBe('2026-03-08');
    expect(day.to.getTime() - day.from.getTime()).toBe(23 * 3600_000);
    expect(nextDigestAt('America/New_York', '08:30', new Date('2026-03-07T14:00:00Z'))).toEqual(
      new Date('2026-03-08T12:30:00Z'),
    );
    expect(nextDigestAt('America/New_York', '08:30', new Date('2026-03-08T12:30:00Z'))).toEqual(
      new Date('2026-03-09T12:30:00Z'),
    );
  });

  it('moves a time the clock skips forward instead of skipping the day', () => {
    expect(nextDigestAt('America/New_York', '02:30', new Date('2026-03-08T05:00:00Z'))).toEqual(
      new Date('2026-03-08T07:30:00Z'),
    );
  });

  it('gives each Informed person the sections of their own steps, in matrix order', () => {
    const section = (step: string, userIds: string[]) => ({ step, stepName: step, lines: [step], userIds });
    const byUser = recipientsOf({
      date: '2026-11-24',
      title: 't',
      overview: [],
      sections: [section('a', ['u1', 'u2']), section('b', ['u2'])],
    });
    expect([...byUser.keys()]).toEqual(['u1', 'u2']);
    expect(byUser.get('u2')?.map((s) => s.step)).toEqual(['a', 'b']);
  });
});
