import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it: envelope addresses, decoded subject, plain-text body (LF line ends), raw source. */
export interface SinkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`: usable as SMTP_URL as is (no STARTTLS is offered, so nodemailer stays on plain text). */
  url: string;
  port: number;
  messages: SinkMessage[];
  /** Resolves once at least `n` messages arrived; rejects after `timeoutMs` (default 10 s). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A local SMTP server that accepts everything (no auth, no TLS) and keeps the messages in memory, for e-mail tests. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { headers, body } = splitMessage(raw);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeEncodedWords(headers.get('subject') ?? ''),
          text: plainText(headers, body).replace(/\r\n/g, '\n'),
          raw,
        });
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(n, timeoutMs = 10_000) {
      if (messages.length >= n) {
        return Promise.resolve();
      }
      return new Promise<void>((done, fail) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`SMTP sink: expected ${n} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        const check = () => {
          if (messages.length >= n) {
            clearTimeout(timer);
            waiters.delete(check);
            done();
          }
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Header names lower-cased, folded lines unfolded; the body as it follows the blank line. */
function splitMessage(source: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(source);
  const head = match ? source.slice(0, match.index) : source;
  const body = match ? source.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) {
        headers.set(name, line.slice(colon + 1).trim());
      }
    }
  }
  return { headers, body };
}

/** The first text/plain part (walking multipart bodies), with its transfer encoding undone. */
function plainText(headers: Map<string, string>, body: string): string {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
    if (!boundary) {
      return '';
    }
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) {
        break;
      }
      const inner = splitMessage(part.replace(/^\r?\n/, ''));
      const text = plainText(inner.headers, inner.body);
      if (text) {
        return text;
      }
    }
    return '';
  }
  if (!type.startsWith('text/plain')) {
    return '';
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').trimEnd();
  }
  if (encoding === 'quoted-printable') {
    return quotedPrintableBytes(body.replace(/=\r?\n/g, ''))
      .toString('utf8')
      .trimEnd();
  }
  return body.trimEnd();
}

function quotedPrintableBytes(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`). Whitespace between adjacent words is dropped and their
 * bytes are joined before decoding, so a character split across two words survives.
 */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const run = /=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s*=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g;
  return value.replace(run, (words) => {
    const decoded: string[] = [];
    let charset = '';
    let bytes: Buffer[] = [];
    const flush = () => decoded.push(new TextDecoder(charset || 'utf-8').decode(Buffer.concat(bytes)));
    for (const [, wordCharset, kind, data] of words.matchAll(word)) {
      if (bytes.length > 0 && wordCharset.toLowerCase() !== charset) {
        flush();
        bytes = [];
      }
      charset = wordCharset.toLowerCase();
      bytes.push(
        kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintableBytes(data.replace(/_/g, ' ')),
      );
    }
    flush();
    return decoded.join('');
  });
}
