import { TicketKind, TicketStatus } from '@baton/shared/contracts';
import {
  canTransitionTicket,
  defaultTicketCategory,
  DEFAULT_TICKET_CATEGORIES,
  formatTicketNumber,
  isResolvedTicketStatus,
  isTerminalTicketStatus,
  nextTicketStatuses,
} from '../services/ticket-rules';

const KINDS = Object.values(TicketKind);
const STATUSES = Object.values(TicketStatus);

describe('ticket rules (pure)', () => {
  it('guest tickets wait for confirmation; tasks, callbacks and approvals are resolved', () => {
    expect(nextTicketStatuses(TicketKind.Ticket, TicketStatus.InProgress)).toEqual([
      'awaiting_confirmation',
      'cancelled',
    ]);
    for (const kind of [TicketKind.Task, TicketKind.Callback, TicketKind.Approval]) {
      expect(nextTicketStatuses(kind, TicketStatus.InProgress)).toEqual(['resolved', 'cancelled']);
      expect(canTransitionTicket(kind, TicketStatus.Open, TicketStatus.AwaitingConfirmation)).toBe(false);
    }
    expect(nextTicketStatuses(TicketKind.Ticket, TicketStatus.AwaitingConfirmation)).toEqual(['closed', 'in_progress']);
  });

  it('closed and cancelled end every ticket; nothing returns to open; every status can be left or is terminal', () => {
    for (const kind of KINDS) {
      for (const from of STATUSES) {
        const next = nextTicketStatuses(kind, from);
        expect(next.includes(TicketStatus.Open)).toBe(false);
        expect(next.includes(from)).toBe(false);
        expect(next.length === 0).toBe(isTerminalTicketStatus(from));
      }
    }
    expect(STATUSES.filter(isResolvedTicketStatus)).toEqual(['awaiting_confirmation', 'resolved']);
  });

  it('numbers and default categories', () => {
    expect(formatTicketNumber('BLK', 123)).toBe('BLK-T-000123');
    expect(formatTicketNumber('BLK', 1_234_567)).toBe('BLK-T-1234567');
    const codes = DEFAULT_TICKET_CATEGORIES.map((c) => c.code);
    for (const kind of KINDS) {
      expect(codes).toContain(defaultTicketCategory(kind));
    }
  });
});
