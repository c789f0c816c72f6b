// Secrets every service needs to boot, for every spec: test stacks and suites take process.env, so
// one place covers in-process stacks, e2e suites and the CLIs the specs run. A spec that tests a
// missing secret removes it from the environment it passes.
process.env.SIGNING_KEY_ENCRYPTION_SECRET ??= 'test-signing-key-encryption-secret-0123456789';
