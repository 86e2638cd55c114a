import {
  EMPTY_CASE_FILTER,
  appendPage,
  filterToVariables,
  lastActivityAt,
  matchesFilter,
  upsertCase,
  type CaseListFilter,
} from '../case-list';
import type { CaseListItem } from '../cases';

function kase(overrides: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: 'c-1',
    hotelId: 'h-1',
    number: 'BLK-2025-000001',
    guestId: 'g-1',
    status: 'new',
    requestType: null,
    priority: 'P3',
    source: 'whatsapp',
    channel: 'whatsapp',
    campaignId: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmContent: null,
    labels: [],
    ownerId: null,
    ownerName: null,
    team: null,
    guestName: 'Ayşe Yılmaz',
    contact: null,
    requestText: null,
    messageRounds: 0,
    lastInboundAt: null,
    lastOutboundAt: null,
    waitingSince: null,
    lostReason: null,
    closedAt: null,
    missingMandatoryFields: [],
    allowedTransitions: [],
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

const filter = (overrides: Partial<CaseListFilter> = {}): CaseListFilter => ({ ...EMPTY_CASE_FILTER, ...overrides });

describe('filterToVariables', () => {
  it('sends nothing for an empty filter', () => {
    expect(filterToVariables(filter(), 'u-1')).toBeNull();
  });

  it('maps every field and trims the search', () => {
    expect(
      filterToVariables(
        filter({
          statuses: ['open', 'new'],
          channel: 'email',
          priority: 'P1',
          owner: 'me',
          label: 'vip',
          search: '  şikayet ',
        }),
        'u-1',
      ),
    ).toEqual({
      status: ['new', 'open'],
      channel: ['email'],
      priority: ['P1'],
      ownerId: 'u-1',
      label: 'vip',
      search: 'şikayet',
    });
  });

  it('uses unassigned instead of an owner, and drops "me" while the user is unknown', () => {
    expect(filterToVariables(filter({ owner: 'unassigned' }), 'u-1')).toEqual({ unassigned: true });
    expect(filterToVariables(filter({ owner: 'me' }), null)).toBeNull();
  });
});

describe('matchesFilter', () => {
  it('checks status, channel, priority, owner and label', () => {
    const item = kase({ status: 'open', channel: 'email', priority: 'P2', ownerId: 'u-1', labels: ['vip'] });
    expect(matchesFilter(item, filter(), 'u-1')).toBe(true);
    expect(matchesFilter(item, filter({ statuses: ['new'] }), 'u-1')).toBe(false);
    expect(matchesFilter(item, filter({ channel: 'whatsapp' }), 'u-1')).toBe(false);
    expect(matchesFilter(item, filter({ priority: 'P1' }), 'u-1')).toBe(false);
    expect(matchesFilter(item, filter({ owner: 'me' }), 'u-2')).toBe(false);
    expect(matchesFilter(item, filter({ owner: 'unassigned' }), 'u-1')).toBe(false);
    expect(matchesFilter(item, filter({ label: 'group' }), 'u-1')).toBe(false);
    expect(matchesFilter(item, filter({ statuses: ['open'], owner: 'me', label: 'vip' }), 'u-1')).toBe(true);
  });

  it('cannot tell for a full-text search, unless another field already excludes the case', () => {
    expect(matchesFilter(kase(), filter({ search: 'iptal' }), null)).toBeNull();
    expect(matchesFilter(kase(), filter({ search: 'iptal', channel: 'email' }), null)).toBe(false);
  });
});

describe('upsertCase', () => {
  const a = kase({ id: 'a', createdAt: '2025-06-01T12:00:00Z' });
  const b = kase({ id: 'b', createdAt: '2025-06-01T11:00:00Z' });

  it('puts a new case on top', () => {
    const fresh = kase({ id: 'n', createdAt: '2025-06-01T13:00:00Z' });
    const result = upsertCase([a, b], fresh, true, false);
    expect(result.outcome).toBe('inserted');
    expect(result.items.map((c) => c.id)).toEqual(['n', 'a', 'b']);
  });

  it('replaces a case in place and removes one that left the filter', () => {
    const changed = { ...b, status: 'open' };
    expect(upsertCase([a, b], changed, true, true).items[1].status).toBe('open');
    const removed = upsertCase([a, b], changed, false, true);
    expect(removed.outcome).toBe('removed');
    expect(removed.items.map((c) => c.id)).toEqual(['a']);
  });

  it('keeps a case it cannot place: older than the loaded pages, or unknown to match', () => {
    const old = kase({ id: 'o', createdAt: '2025-05-01T00:00:00Z' });
    expect(upsertCase([a, b], old, true, false).outcome).toBe('ignored');
    expect(upsertCase([a, b], old, true, true).items.map((c) => c.id)).toEqual(['a', 'b', 'o']);
    expect(upsertCase([a], b, null, true).outcome).toBe('ignored');
  });
});

describe('appendPage', () => {
  it('appends and lets the page copy win over a live duplicate', () => {
    const live = kase({ id: 'x', status: 'new' });
    const page = [kase({ id: 'x', status: 'open' }), kase({ id: 'y' })];
    const merged = appendPage([kase({ id: 'w' }), live], page);
    expect(merged.map((c) => `${c.id}:${c.status}`)).toEqual(['w:new', 'x:open', 'y:new']);
  });
});

describe('lastActivityAt', () => {
  it('is the latest of inbound, outbound and update times', () => {
    expect(
      lastActivityAt({
        updatedAt: '2025-06-01T10:00:00Z',
        lastInboundAt: '2025-06-01T11:00:00Z',
        lastOutboundAt: '2025-06-01T10:30:00Z',
      }),
    ).toBe('2025-06-01T11:00:00Z');
    expect(lastActivityAt({ updatedAt: '2025-06-01T10:00:00Z', lastInboundAt: null, lastOutboundAt: null })).toBe(
      '2025-06-01T10:00:00Z',
    );
  });
});
