import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { BatonConfig } from '../config/baton-config';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export interface MailResult {
  delivered: boolean;
  messageId: string | null;
}

/**
 * Outbound e-mail through nodemailer's SMTP transport (SMTP_URL). Without SMTP_URL (the embedded default) the message
 * is logged and reported as not delivered, so callers can show "not e-mailed" instead of pretending.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: BatonConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(message: MailMessage): Promise<MailResult> {
    if (!this.transport) {
      this.logger.log({ to: message.to, subject: message.subject }, 'SMTP_URL unset: e-mail not sent');
      return { delivered: false, messageId: null };
    }
    const info = (await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message })) as { messageId?: string };
    return { delivered: true, messageId: info.messageId ?? null };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
