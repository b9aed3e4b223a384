import nodemailer from 'nodemailer';
import type { SmtpSettings } from '@facturo/core';

/** A transport through a company's own SMTP server (documents to customers, alerts to owners). */
export function smtpTransport(smtp: SmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // Local/self-hosted relays often use self-signed certificates; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: process.env.FACTURO_SMTP_STRICT_TLS === '1' },
  });
}
