/**
 * One line of `npm start`'s console log: the time, the level unless info, the message, and why
 * when the entry says (`reason` of a rejection, `error` of a failure).
 */
export function logLine(
  level: 'info' | 'warn' | 'error',
  message: string,
  extra: Record<string, unknown>,
  now = new Date(),
) {
  const why = [extra.reason, extra.error].filter((v) => v !== undefined && v !== '').map(String);
  const detail = why.length > 0 ? ` (${why.join('; ')})` : '';
  return `[${now.toISOString().slice(11, 19)}] ${level === 'info' ? '' : `${level}: `}${message}${detail}`;
}
