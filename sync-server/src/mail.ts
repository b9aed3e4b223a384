import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { SmtpSettings } from '@facturo/core';

/** A transport through a company's own SMTP server (documents to customers, alerts to owners). */
function smtpTransport(smtp: SmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // Local/self-hosted relays often use self-signed certificates; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: process.env.FACTURO_SMTP_STRICT_TLS === '1' },
  });
}

/** Sends one message through the company's SMTP server, from its sender address; the connection is closed after. */
export async function sendThrough(smtp: SmtpSettings, message: Omit<Mail.Options, 'from'>): Promise<{ messageId: string }> {
  const transport = smtpTransport(smtp);
  try {
    return await transport.sendMail({ from: smtp.from, ...message });
  } finally {
    transport.close();
  }
}
