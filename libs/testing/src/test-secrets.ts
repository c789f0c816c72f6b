/**
 * Secrets the services refuse to run without, fixed for tests and benches: their databases are
 * thrown away, so nothing encrypted with them outlives the run. An environment that sets one wins.
 */
export const TEST_SECRETS = {
  SIGNING_KEY_ENCRYPTION_SECRET: 'test-signing-key-encryption-secret-0123456789',
};
