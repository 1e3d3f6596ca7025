import { type MailMessage } from '../../infrastructure/mail/mail-sender.port';
import { type Notification } from '../notification';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML shows it, never as markup (names, reasons and notes are anyone's input). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** Where a message's id lives: the host of the console, so ids of two installations never meet. */
const messageDomain = (publicUrl: string): string => {
  try {
    return new URL(publicUrl).hostname || 'integration-builder';
  } catch {
    return 'integration-builder';
  }
};

/**
 * The email of a notification: its title as the subject, its text and a link to the console, as
 * plain text and as HTML. Its Message-ID is derived from the notification's id (one per event and
 * recipient), so a message sent again after a crash is recognisably the same one.
 */
export function notificationMail(notification: Notification, to: string, publicUrl: string): MailMessage {
  const link = `${publicUrl}${notification.link}`;
  const paragraphs = notification.body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return {
    to,
    subject: notification.title,
    text: `${notification.body}\n\nOpen it in the console: ${link}\n`,
    html:
      `<!doctype html>\n<html><body>\n<h1>${escapeHtml(notification.title)}</h1>\n${paragraphs}\n` +
      `<p><a href="${escapeHtml(link)}">Open it in the console</a></p>\n</body></html>\n`,
    messageId: `<${notification.id}@${messageDomain(publicUrl)}>`,
  };
}
