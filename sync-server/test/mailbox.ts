import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message a test's SMTP server received: its envelope recipients and the parsed mail. */
export interface Received {
  to: string[];
  mail: ParsedMail;
}

/** A real SMTP server on loopback (no TLS, no login) that keeps what it receives, for email tests. */
export async function startMailbox(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      simpleParser(stream).then((mail) => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail }); cb(); }, cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  return { port: (smtp.server.address() as AddressInfo).port, received, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}
