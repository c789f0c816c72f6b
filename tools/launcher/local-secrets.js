// Secrets `npm start` needs but nobody set: random once, kept in data/local-secrets.json (mode 0600,
// git-ignored) so what was encrypted with them stays readable on the next start.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** The secret each app refuses to run without (or, for publishing, to store credentials without). */
const SECRET_OF_APP = { publishing: 'CHANNEL_SECRETS_KEY', identity: 'SIGNING_KEY_ENCRYPTION_SECRET' };

/** The secrets the started apps need that env does not set. */
function missingSecrets(apps, env) {
  return apps.map((app) => SECRET_OF_APP[app]).filter((name) => name && !env[name]);
}

function localSecrets(dir, names) {
  const file = path.join(dir, 'local-secrets.json');
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const missing = names.filter((name) => !stored[name]);
  if (missing.length) {
    for (const name of missing) stored[name] = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return Object.fromEntries(names.map((name) => [name, stored[name]]));
}

module.exports = { localSecrets, missingSecrets };
