// Every spec gets the secrets the services need: test stacks and launcher suites take process.env,
// so this covers in-process stacks, e2e suites and the CLIs specs run. A spec that tests a missing
// secret leaves it out of the environment it passes.
const { TEST_SECRETS } = require('../../libs/testing/src/test-secrets');

for (const [name, value] of Object.entries(TEST_SECRETS)) process.env[name] ??= value;
