/** Event names and channel keys shared by the API and the dashboard. Channels are always tenant-keyed. */
export enum TenantEvent {
  Activity = 'activity',
  /** Case created/updated/message/status/handoff/note, for `caseEvents(hotelId)`. */
  Cases = 'cases',
  /** A nudge that the queue changed; subscribers recompute `queueState` at most a few times per second. */
  Queue = 'queue',
  /** SLA clock steps (started, reminder, warning, breach, met), for `slaEvents(hotelId)`. */
  Sla = 'sla',
  /** Ticket created/updated/status changed, for `ticketEvents(hotelId)`. */
  Tickets = 'tickets',
  /** In-app notifications; delivered only to their recipients. */
  Notifications = 'notifications',
}

export function tenantChannel(tenantId: string, event: TenantEvent): string {
  return `tenant:${tenantId}:${event}`;
}

/** Audit actions recorded from day one (membership, role, API key, wallboard token and settings changes). */
export enum AuditAction {
  MembershipAdded = 'membership.added',
  MembershipRoleChanged = 'membership.role_changed',
  MembershipRemoved = 'membership.removed',
  ApiKeyCreated = 'api_key.created',
  ApiKeyRevoked = 'api_key.revoked',
  WallboardTokenCreated = 'wallboard_token.created',
  WallboardTokenRevoked = 'wallboard_token.revoked',
  HotelSettingsUpdated = 'hotel.settings_updated',
  HotelCreated = 'hotel.created',
  ChannelAccountSaved = 'channel_account.saved',
  ChannelAccountDeleted = 'channel_account.deleted',
  GuestMerged = 'guest.merged',
  GuestUnmerged = 'guest.unmerged',
  GuestUpdated = 'guest.updated',
  MergeSuggestionDismissed = 'merge_suggestion.dismissed',
  CaseCreated = 'case.created',
  CaseUpdated = 'case.updated',
  CaseStatusChanged = 'case.status_changed',
  CaseAssigned = 'case.assigned',
  CaseHandedOff = 'case.handed_off',
  CaseHandoffAccepted = 'case.handoff_accepted',
  CaseNoteAdded = 'case.note_added',
  CaseReplied = 'case.replied',
  CaseMerged = 'case.merged',
  DictionaryChanged = 'dictionary.changed',
  CampaignSaved = 'campaign.saved',
  CampaignDeleted = 'campaign.deleted',
  DailySummaryGenerated = 'daily_summary.generated',
  CalendarSaved = 'calendar.saved',
  CalendarDeleted = 'calendar.deleted',
  SlaPolicySaved = 'sla_policy.saved',
  SlaPolicyDeleted = 'sla_policy.deleted',
  SlaPoliciesReordered = 'sla_policy.reordered',
  RaciMatrixSaved = 'raci.saved',
  RaciTemplateApplied = 'raci.template_applied',
  TicketCreated = 'ticket.created',
  TicketUpdated = 'ticket.updated',
  TicketStatusChanged = 'ticket.status_changed',
  TicketNoteAdded = 'ticket.note_added',
  TicketClosureConfirmed = 'ticket.closure_confirmed',
  AutomationRuleSaved = 'automation_rule.saved',
  AutomationRuleRolledBack = 'automation_rule.rolled_back',
  AutomationRuleDeleted = 'automation_rule.deleted',
  DeliveryRetried = 'delivery.retried',
}

export enum ActorKind {
  User = 'user',
  ApiKey = 'api_key',
  Wallboard = 'wallboard',
  System = 'system',
}

export enum Locale {
  Tr = 'tr',
  En = 'en',
}
