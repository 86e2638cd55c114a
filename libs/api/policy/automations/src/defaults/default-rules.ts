import {
  AutomationTrigger,
  CaseStatus,
  HandoffReason,
  HotelRole,
  NotificationChannel,
  SlaStep,
  TicketStatus,
} from '@baton/shared/contracts';
import {
  ActionType,
  ConditionField,
  ConditionOp,
  GroupMatch,
  PartyKind,
  RuleDefinition,
} from '../model/rule-definition';

export interface DefaultRule {
  /** Stable key: a hotel gets each default once (a deleted default is not brought back). */
  key: string;
  name: string;
  definition: RuleDefinition;
}

/** Bump when a default is added: hotels seeded with an older set get the new ones on their next access. */
export const DEFAULTS_VERSION = 1;

const WORKING_STATUSES = [CaseStatus.New, CaseStatus.Open, CaseStatus.InProgress, CaseStatus.Quoted];
const CALL_CENTER = 'call_center';

/**
 * The playbook every hotel starts with: the three rows hotels already keep by hand, and the three phone rules of the
 * SMM → call center flow. Texts are Turkish (what the guests and teams of the demo hotels read); hotels edit them.
 */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    key: 'p1_ticket_escalation',
    name: 'P1 talep → süpervizöre eskalasyon',
    definition: {
      trigger: AutomationTrigger.TicketOpened,
      params: {},
      conditions: {
        match: GroupMatch.All,
        conditions: [{ field: ConditionField.Priority, op: ConditionOp.Is, values: ['P1'] }],
        groups: [],
      },
      actions: [
        {
          type: ActionType.Notify,
          channels: [NotificationChannel.InApp, NotificationChannel.Email],
          target: { kind: PartyKind.HotelRole, hotelRole: HotelRole.Supervisor },
          title: 'P1 talep açıldı: {{ticketTitle}}',
          body: '{{ticketNumber}} numaralı P1 talep ({{caseNumber}}) hemen ilgilenilmeyi bekliyor.',
        },
      ],
      channels: ['ticket', 'email'],
      owner: { kind: PartyKind.HotelRole, hotelRole: HotelRole.Supervisor },
      description: 'Ticket opened | priority P1 | escalation notice | ticket + e-mail | supervisor',
    },
  },
  {
    key: 'resolved_status_update',
    name: 'Çözüldü, onay bekliyor → misafire durum bilgisi',
    definition: {
      trigger: AutomationTrigger.TicketResolved,
      params: {},
      conditions: {
        match: GroupMatch.All,
        conditions: [{ field: ConditionField.Status, op: ConditionOp.Is, values: [TicketStatus.AwaitingConfirmation] }],
        groups: [],
      },
      actions: [
        {
          type: ActionType.SendGuestMessage,
          messageChannels: ['whatsapp', 'case'],
          body:
            'Merhaba {{guestName}}, {{caseNumber}} numaralı talebiniz çözüldü. Her şey yolunda mı? ' +
            'Bu mesaja yanıt vererek onaylayabilirsiniz. {{hotelName}}',
        },
      ],
      channels: ['whatsapp'],
      owner: { kind: PartyKind.Team, team: 'front_office' },
      description: 'Resolved | awaiting confirmation | status update to guest | WhatsApp | after-sales team',
    },
  },
  {
    key: 'sla_reminder',
    name: 'SLA yaklaşıyor → sahibine hatırlatma',
    definition: {
      trigger: AutomationTrigger.SlaStep,
      params: { slaStep: SlaStep.Reminder },
      conditions: {
        match: GroupMatch.All,
        conditions: [{ field: ConditionField.MinutesToDue, op: ConditionOp.AtMost, values: [], number: 30 }],
        groups: [],
      },
      actions: [
        {
          type: ActionType.Notify,
          channels: [NotificationChannel.InApp],
          target: { kind: PartyKind.Owner },
          title: 'SLA hatırlatma: {{caseNumber}}',
          body: '{{caseNumber}} ({{guestName}}) için süre dolmak üzere: 30 dakikadan az kaldı.',
        },
      ],
      channels: ['in_app'],
      owner: { kind: PartyKind.Owner },
      description: 'SLA approaching | 30 min left | reminder | in-app | owner',
    },
  },
  {
    key: 'two_rounds_phone',
    name: '2+ mesaj turu çözülmedi → telefona devret',
    definition: {
      trigger: AutomationTrigger.MessageReceived,
      params: {},
      conditions: {
        match: GroupMatch.All,
        conditions: [
          { field: ConditionField.MessageRounds, op: ConditionOp.AtLeast, values: [], number: 2 },
          { field: ConditionField.Status, op: ConditionOp.Is, values: WORKING_STATUSES },
          { field: ConditionField.Channel, op: ConditionOp.IsNot, values: ['phone'] },
          { field: ConditionField.Team, op: ConditionOp.IsNot, values: [CALL_CENTER] },
        ],
        groups: [],
      },
      actions: [
        {
          type: ActionType.HandOffToPhone,
          reason: HandoffReason.TwoRoundsUnresolved,
          team: CALL_CENTER,
          title: 'Geri arama: {{guestName}} ({{caseNumber}})',
          body: 'İki mesaj turunda çözülemedi; misafiri telefonla arayın.',
        },
      ],
      channels: ['ticket', 'phone'],
      owner: { kind: PartyKind.Team, team: CALL_CENTER },
      description: '2+ message rounds unresolved | hand off to phone | callback | call center',
    },
  },
  {
    key: 'keyword_phone',
    name: 'İptal veya kriz kelimesi → telefona devret',
    definition: {
      trigger: AutomationTrigger.MessageReceived,
      params: {},
      conditions: {
        match: GroupMatch.All,
        conditions: [
          { field: ConditionField.Keywords, op: ConditionOp.Matches, values: ['cancellation', 'crisis'] },
          { field: ConditionField.Status, op: ConditionOp.Is, values: WORKING_STATUSES },
          { field: ConditionField.Channel, op: ConditionOp.IsNot, values: ['phone'] },
        ],
        groups: [],
      },
      actions: [
        {
          type: ActionType.HandOffToPhone,
          reason: HandoffReason.CancellationOrCrisis,
          team: CALL_CENTER,
          title: 'Acil geri arama: {{guestName}} ({{caseNumber}})',
          body: 'Misafir iptal ya da şikayet belirtti; hemen telefonla arayın.',
        },
      ],
      channels: ['ticket', 'phone'],
      owner: { kind: PartyKind.Team, team: CALL_CENTER },
      description: 'Cancellation or crisis keyword | hand off to phone | callback | call center',
    },
  },
  {
    key: 'phone_booking_summary',
    name: 'Telefonla kazanılan rezervasyon → WhatsApp/e-posta özeti',
    definition: {
      trigger: AutomationTrigger.CaseStatusChanged,
      params: {},
      conditions: {
        match: GroupMatch.All,
        conditions: [{ field: ConditionField.Status, op: ConditionOp.Is, values: [CaseStatus.Won] }],
        groups: [
          {
            match: GroupMatch.Any,
            conditions: [
              { field: ConditionField.Channel, op: ConditionOp.Is, values: ['phone'] },
              { field: ConditionField.Team, op: ConditionOp.Is, values: [CALL_CENTER] },
            ],
            groups: [],
          },
        ],
      },
      actions: [
        {
          type: ActionType.SendGuestMessage,
          messageChannels: ['whatsapp', 'email'],
          body:
            'Merhaba {{guestName}}, telefonda konuştuğumuz rezervasyonunuz onaylandı. Talep numaranız: ' +
            '{{caseNumber}}. Sorularınız için bu mesaja yanıt verebilirsiniz. {{hotelName}}',
        },
      ],
      channels: ['whatsapp', 'email'],
      owner: { kind: PartyKind.Team, team: CALL_CENTER },
      description: 'Phone booking closed | won | booking summary | WhatsApp / e-mail | call center',
    },
  },
];

/** Named keyword lists every hotel starts with (`*` = any Turkish suffix). */
export const DEFAULT_KEYWORD_SETS: Readonly<Record<string, readonly string[]>> = {
  cancellation: [
    'iptal',
    'iptal*',
    'iptal etmek',
    'vazgeç*',
    'cancel',
    'cancel*',
    'refund*',
    'iade',
    'iade*',
    'geri ödeme',
    'para iadesi',
  ],
  crisis: [
    'şikayet',
    'şikayet*',
    'rezalet',
    'berbat',
    'complaint*',
    'lawyer',
    'avukat*',
    'polis*',
    'police',
    'mahkeme*',
    'dava*',
    'tüketici hakem*',
    'zehirlen*',
    'food poisoning',
    'kabul edilemez',
    'unacceptable',
    'disgusting',
    'iğrenç',
  ],
};
