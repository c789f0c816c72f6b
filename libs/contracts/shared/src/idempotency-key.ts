/** Longest accepted Idempotency-Key: a UUID or a client's own request id fits with room to spare. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Visible ASCII only: the key travels in HTTP and NATS headers and is stored as text. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** Whether `value` is an acceptable Idempotency-Key: 1–255 visible ASCII characters. */
export function isValidIdempotencyKey(value: string): boolean {
  return value.length <= IDEMPOTENCY_KEY_MAX_LENGTH && VISIBLE_ASCII.test(value);
}

/** Why a key is refused, as the 422's field message. */
export const IDEMPOTENCY_KEY_RULE = `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`;
