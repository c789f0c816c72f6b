// A YAML parser from node_modules (not a declared dependency: whichever one the tree has).
// `yaml` first: it applies compose's `<<` merge keys when asked to.
function loadParser() {
  try {
    const yaml = require('yaml');
    return (text) => yaml.parse(text, { merge: true });
  } catch {
    const jsYaml = require('js-yaml');
    return (text) => jsYaml.load(text);
  }
}

const parseYaml = loadParser();

module.exports = { parseYaml };
