import { mergeActivity } from '../activity';
import type { ActivityEvent } from '../types';

function event(overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  return {
    id: 'ev-1',
    hotelId: 'h-1',
    action: 'membership.added',
    actorKind: 'user',
    actorId: 'u-1',
    actorName: 'Ayşe',
    entityType: 'membership',
    entityId: null,
    occurredAt: '2025-01-01T10:00:00.000Z',
    requestId: null,
    ...overrides,
  };
}

describe('mergeActivity', () => {
  it('puts a live event in front of the loaded page', () => {
    const page = [event({ id: 'a', occurredAt: '2025-01-01T10:00:00Z' })];
    const live = event({ id: 'b', occurredAt: '2025-01-01T10:05:00Z' });
    expect(mergeActivity(page, [live]).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('deduplicates by id, keeping the incoming copy', () => {
    const merged = mergeActivity([event({ id: 'a', actorName: 'old' })], [event({ id: 'a', actorName: 'new' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0].actorName).toBe('new');
  });

  it('orders newest first even when events arrive out of order', () => {
    const merged = mergeActivity(
      [],
      [
        event({ id: 'x', occurredAt: '2025-01-01T09:00:00Z' }),
        event({ id: 'y', occurredAt: '2025-01-01T11:00:00Z' }),
        event({ id: 'z', occurredAt: '2025-01-01T10:00:00Z' }),
      ],
    );
    expect(merged.map((e) => e.id)).toEqual(['y', 'z', 'x']);
  });

  it('keeps at most max events, dropping the oldest', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      event({ id: `e${String(i).padStart(3, '0')}`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
    );
    const merged = mergeActivity([], many);
    expect(merged).toHaveLength(100);
    expect(merged[0].id).toBe('e119');
    expect(merged[99].id).toBe('e020');
  });
});
