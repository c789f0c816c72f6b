// Lints an OpenAPI file with a Redocly config (and the .redocly.lint-ignore.yaml beside it) and
// prints the problems and the ignore entries that matched none as JSON. A separate process because
// @redocly/openapi-core ships only ES modules, which Jest's CommonJS runtime cannot load.
import { resolve } from 'node:path';
import { lint, loadConfig } from '@redocly/openapi-core';

const [configPath, ref] = process.argv.slice(2);
const config = await loadConfig({ configPath });
const found = await lint({ ref, config });
const problems = found.map(({ ruleId, severity, message, location, ignored }) => ({
  ruleId,
  severity,
  message,
  pointer: location[0]?.pointer,
  ignored: ignored === true,
}));
const matched = new Set(problems.filter((problem) => problem.ignored).map((problem) => `${problem.ruleId} ${problem.pointer}`));
const ignores = Object.entries(config.ignore[resolve(ref)] ?? {}).flatMap(([ruleId, pointers]) => [...pointers].map((pointer) => `${ruleId} ${pointer}`));
const unusedIgnores = ignores.filter((entry) => !matched.has(entry));
process.stdout.write(JSON.stringify({ problems, unusedIgnores }));
