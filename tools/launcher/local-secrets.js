// Secrets `npm start` needs but nobody set: random once, kept in data/local-secrets.json (mode 0600,
// git-ignored) so what was encrypted with them stays readable on the next start.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

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

module.exports = { localSecrets };
