/**
 * Query parameters that carry credentials: tokens (the WebSocket takes `?token=`), OAuth codes,
 * signatures of signed URLs, keys and passwords. Names ending in token, secret, password or
 * signature count too (access_token, client_secret, X-Amz-Signature).
 */
const SECRET_PARAM = /([?&;](?:[\w.-]*(?:token|secret|password|signature)|[\w.-]*[_-]key|apikey|code|key|sig)=)[^&;#\s"'<>]*/gi;

/** The text (a URL, a path or a whole message) with the value of every secret query parameter replaced. */
export function redactSecretParams(text: string): string {
  return text.replace(SECRET_PARAM, '$1[redacted]');
}
