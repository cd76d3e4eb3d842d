/**
 * E-mail: documents that arrive as attachments in IMAP mailboxes ({@link vn.vanban.mail.MailIntake}), the e-mail
 * addresses of units ({@link vn.vanban.mail.UnitContacts}) and the daily digest of their deadlines sent over SMTP
 * ({@link vn.vanban.mail.Reminders}).
 */
package vn.vanban.mail;
