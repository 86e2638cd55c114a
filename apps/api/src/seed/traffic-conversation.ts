import { CaseStatus, Channel, HandoffReason, MessageContentType } from '@baton/shared/contracts';
import type { CaseFields, Gap, Step, Who } from './traffic-play';
import { fullName, Person } from './traffic-people';
import { localHour, Rng } from './traffic-random';
import { Stay } from './traffic-texts';
import { askPhone, givePhone, missedCallFollowUp, moveToWhatsApp, whatsAppHello } from './traffic-texts-care';

/** How the two sides talk after the first contact: chat messages, e-mails, or phone calls (no text recorded). */
type Mode = 'chat' | 'email' | 'call';

export interface ConversationInput {
  rng: Rng;
  guest: Person;
  channel: Channel;
  createdAt: number;
  /** The guest moves to WhatsApp half-way (from Instagram, Messenger or the phone). */
  switchToWhatsApp: boolean;
  /** The web form carried an e-mail address (replies go by e-mail; otherwise the hotel calls back). */
  formHasEmail: boolean;
  /** The WhatsApp / Instagram profile shows a real name. */
  profileName: boolean;
  stay: Stay;
  utm: Record<string, string> | null;
  otaReference: string | null;
}

/**
 * Builds the steps of one case conversation on the right channels: WhatsApp/Instagram/Messenger chat, e-mail (also for
 * OTA and web forms with an address), or calls (phone, web forms without e-mail), including the switch to WhatsApp.
 * It also tracks which mandatory fields the case has at each point, so a handoff is only planned once they are set.
 */
export class Conversation {
  readonly steps: Step[] = [];
  /** The mandatory fields the case starts with (what the first inbound item carries). */
  readonly initial: CaseFields;
  /** The mandatory fields after every planned step (a handoff needs all three). */
  readonly fields: CaseFields;
  /** Set when the case was never really opened (a missed call nobody reached): its request type stays unknown. */
  unknownType = false;
  private mode: Mode;
  private chatChannel: Channel;
  private subject = 'Rezervasyon talebi';
  /** On the phone: the last thing said was in a call that already covered the hotel's side. */
  private inCall = false;

  constructor(private readonly input: ConversationInput) {
    const { channel, guest, profileName } = input;
    const chat = channel === Channel.WhatsApp || channel === Channel.Instagram || channel === Channel.Messenger;
    this.mode = chat
      ? 'chat'
      : channel === Channel.Phone || (channel === Channel.WebForm && !input.formHasEmail)
        ? 'call'
        : 'email';
    this.chatChannel = chat ? channel : Channel.WhatsApp;
    const name = fullName(guest);
    switch (channel) {
      case Channel.WhatsApp:
        this.initial = { guestName: profileName ? name : null, contact: guest.phone, requestText: null };
        break;
      case Channel.Instagram:
      case Channel.Messenger:
        this.initial = { guestName: profileName ? name : null, contact: null, requestText: null };
        break;
      case Channel.Phone:
        this.initial = { guestName: null, contact: guest.phone, requestText: null };
        break;
      case Channel.WebForm:
        this.initial = { guestName: name, contact: guest.phone, requestText: null };
        break;
      case Channel.Email:
      case Channel.Ota:
        this.initial = { guestName: name, contact: guest.email, requestText: null };
        break;
    }
    this.fields = { ...this.initial };
  }

  /**
   * The guest's first contact. On the phone it is a call (answered, missed or abandoned; missed ones are called back,
   * then chased on WhatsApp). Returns false when the story ends there (nobody ever reached the guest).
   */
  open(text: string, phoneSummary: string, subject?: string): boolean {
    const { channel, rng, createdAt } = this.input;
    this.subject = subject ?? this.subject;
    if (channel === Channel.Phone) {
      const night = localHour(createdAt) < 8;
      const outcome = night ? 'missed' : rng.weighted({ answered: 60, missed: 25, abandoned: 15 });
      if (outcome === 'answered') {
        this.answeredCall(phoneSummary);
        return true;
      }
      const waited = outcome === 'abandoned' ? rng.int(20, 150) : 0;
      this.steps.push({ kind: 'in', body: '', call: { outcome, durationSeconds: waited } });
      if (rng.chance(0.7)) {
        this.steps.push({ kind: 'out', body: '', call: { outcome: 'answered', durationSeconds: rng.int(60, 420) } });
        this.inCall = true;
        this.learn({ guestName: fullName(this.input.guest), requestText: phoneSummary });
        return true;
      }
      this.steps.push({ kind: 'out', body: '', call: { outcome: 'missed', durationSeconds: 0 } });
      this.steps.push({ kind: 'out', gap: 'quick', channel: Channel.WhatsApp, body: missedCallFollowUp(null) });
      if (rng.chance(0.5)) {
        this.mode = 'chat';
        this.guest(text, 'guest', Channel.WhatsApp);
        this.learn({ guestName: fullName(this.input.guest), requestText: text });
        return true;
      }
      this.unknownType = true;
      this.steps.push({ kind: 'status', to: CaseStatus.Lost, lostReason: 'no_answer', gap: 'days' });
      return false;
    }
    if (channel === Channel.WhatsApp && rng.chance(0.06)) {
      // A voice note or a screenshot first; the text (and with it the request) follows later.
      const audio = rng.chance(0.5);
      this.steps.push({
        kind: 'in',
        body: '',
        contentType: audio ? MessageContentType.Audio : MessageContentType.Image,
        attachment: audio
          ? { mediaId: `media-${rng.digits(15)}`, mimeType: 'audio/ogg; codecs=opus', voice: true }
          : { mediaId: `media-${rng.digits(15)}`, mimeType: 'image/jpeg', caption: '' },
      });
      this.guest(text, 'guest');
      this.learn({ requestText: text });
    } else {
      // The first item is text: the case is created with it as its request.
      this.firstMessage(text);
      this.initial.requestText = text;
      this.fields.requestText = text;
    }
    return true;
  }

  /** A message from the guest on whatever channel the conversation is on now. */
  guest(text: string, gap: Gap = 'guest', channel?: Channel): void {
    switch (this.mode) {
      case 'chat':
        this.steps.push({ kind: 'in', gap, body: text, channel: channel ?? this.chatChannel });
        break;
      case 'email':
        this.steps.push({
          kind: 'in',
          gap,
          body: text,
          channel: Channel.Email,
          contentType: MessageContentType.Email,
          attachment: { subject: `Re: ${this.subject}`, otaReference: this.input.otaReference },
        });
        break;
      case 'call':
        this.answeredCall(null, gap);
        break;
    }
  }

  /** A reply from the hotel (agent by default, or the lead who took the handoff). */
  hotel(text: string, by?: Who, gap?: Gap): void {
    switch (this.mode) {
      case 'chat':
        this.steps.push({ kind: 'out', gap, by, body: text, channel: this.chatChannel });
        break;
      case 'email':
        this.steps.push({
          kind: 'out',
          gap,
          by,
          body: text,
          channel: Channel.Email,
          contentType: MessageContentType.Email,
          attachment: { subject: `Re: ${this.subject}` },
        });
        break;
      case 'call':
        // On the phone, what the hotel says right after a call was said in that call.
        if (!this.inCall) {
          this.steps.push({
            kind: 'out',
            gap,
            by,
            body: '',
            call: { outcome: 'answered', durationSeconds: this.input.rng.int(45, 400) },
          });
          this.inCall = true;
        }
        break;
    }
  }

  /** The hotel chases a guest who went quiet (a call nobody picks up, when on the phone). */
  chase(text: string, by?: Who): void {
    if (this.mode === 'call') {
      this.steps.push({ kind: 'out', gap: 'late', by, body: '', call: { outcome: 'missed', durationSeconds: 0 } });
    } else {
      this.hotel(text, by, 'late');
    }
  }

  /** After the first reply: most Instagram/Messenger guests are asked for a phone number; some move to WhatsApp. */
  afterFirstReply(): void {
    const social = this.input.channel === Channel.Instagram || this.input.channel === Channel.Messenger;
    if ((social && this.input.rng.chance(0.85)) || this.input.switchToWhatsApp) {
      this.completeFields();
    }
  }

  /** Makes sure name, contact and request are known (before a handoff), moving to WhatsApp when planned. */
  completeFields(): void {
    const { guest, rng } = this.input;
    if (!this.fields.contact) {
      this.hotel(askPhone(), undefined, 'quick');
      this.guest(givePhone(rng, guest), 'quick');
      this.learn({ contact: guest.phone });
    }
    if (!this.fields.guestName) {
      this.learn({ guestName: fullName(guest) });
    }
    if (this.input.switchToWhatsApp && this.mode !== 'email' && this.chatChannel !== Channel.WhatsApp) {
      if (this.mode === 'chat') {
        this.hotel(moveToWhatsApp(), undefined, 'quick');
      }
      this.mode = 'chat';
      this.chatChannel = Channel.WhatsApp;
      this.guest(whatsAppHello(guest, this.input.channel), 'reply');
    }
  }

  status(to: CaseStatus, options: { by?: Who; gap?: Gap; lostReason?: string; reason?: string } = {}): void {
    this.steps.push({ kind: 'status', to, ...options });
  }

  handoff(
    reason: HandoffReason,
    toTeam: string,
    note: string,
    acceptor: 'lead' | 'gm' = 'lead',
    toChannel?: Channel,
  ): void {
    this.completeFields();
    this.steps.push({ kind: 'handoff', reason, toTeam, note, acceptor, toChannel });
    this.inCall = false;
  }

  /** The agent labels the case (from the hotel's dictionary) at this point of the conversation. */
  tag(...codes: Array<string | null | undefined>): void {
    const labels = codes.filter((c): c is string => !!c);
    if (labels.length > 0) {
      this.steps.push({ kind: 'label', codes: labels });
    }
  }

  /** Labels given when the first agent picks the case up (right after the first reply). */
  tagOnPickUp(...codes: Array<string | null | undefined>): void {
    const labels = codes.filter((c): c is string => !!c);
    const firstReply = this.steps.findIndex((s) => s.kind === 'out');
    if (labels.length > 0 && firstReply >= 0) {
      this.steps.splice(firstReply + 1, 0, { kind: 'label', codes: labels });
    }
  }

  accept(): void {
    this.steps.push({ kind: 'accept' });
  }

  note(body: string, by?: Who): void {
    this.steps.push({ kind: 'note', body, by });
  }

  learn(fields: Partial<CaseFields>): void {
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => value && !this.fields[key as keyof CaseFields]),
    ) as Partial<CaseFields>;
    if (Object.keys(changed).length > 0) {
      Object.assign(this.fields, changed);
      this.steps.push({ kind: 'learn', fields: changed });
    }
  }

  private firstMessage(text: string): void {
    const { channel, stay, utm, otaReference } = this.input;
    if (channel === Channel.WebForm) {
      const checkOut = stay.checkIn + stay.nights * 86_400_000;
      const day = (at: number): string => new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);
      this.steps.push({
        kind: 'in',
        body: text,
        contentType: MessageContentType.Form,
        attachment: {
          requestText: text,
          checkIn: day(stay.checkIn),
          checkOut: day(checkOut),
          adults: stay.adults,
          children: stay.children,
          utm,
        },
      });
    } else if (channel === Channel.Email || channel === Channel.Ota) {
      this.steps.push({
        kind: 'in',
        body: text,
        contentType: MessageContentType.Email,
        attachment: { subject: this.subject, otaReference },
      });
    } else {
      this.steps.push({ kind: 'in', body: text });
    }
  }

  private answeredCall(summary: string | null, gap: Gap = 'guest'): void {
    const { rng, guest } = this.input;
    this.steps.push({ kind: 'in', gap, body: '', call: { outcome: 'answered', durationSeconds: rng.int(60, 600) } });
    // The body is filled in by the player with whoever picks up.
    this.steps.push({ kind: 'out', gap: 'ring', body: '', answer: true });
    this.inCall = true;
    if (summary) {
      this.learn({ guestName: fullName(guest), requestText: summary });
    }
  }
}
