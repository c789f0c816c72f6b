// A small Go text/template + Sprig renderer: just enough of Helm to render this chart in a test,
// since no helm binary exists here. Supports define/include, if/else if/else, range, with,
// variables (:= and =), pipelines, parentheses, and the functions the chart uses.
const crypto = require('node:crypto');
const { parseYaml } = require('./yaml');

// ---- lexing: text and {{ actions }} with -trim markers ----
function lex(source) {
  const tokens = [];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{{', index);
    if (open === -1) {
      tokens.push({ type: 'text', value: source.slice(index) });
      break;
    }
    tokens.push({ type: 'text', value: source.slice(index, open) });
    const close = source.indexOf('}}', open);
    if (close === -1) throw new Error(`unclosed action at ${open}`);
    let body = source.slice(open + 2, close);
    const trimLeft = /^-\s/.test(body);
    const trimRight = /\s-$/.test(body);
    if (trimLeft) body = body.slice(1);
    if (trimRight) body = body.slice(0, -1);
    tokens.push({ type: 'action', value: body.trim(), trimLeft, trimRight });
    index = close + 2;
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'action') continue;
    if (token.trimLeft && tokens[i - 1]?.type === 'text') tokens[i - 1].value = tokens[i - 1].value.replace(/\s+$/, '');
    if (token.trimRight && tokens[i + 1]?.type === 'text') tokens[i + 1].value = tokens[i + 1].value.replace(/^\s+/, '');
  }
  return tokens.filter((token) => !(token.type === 'action' && /^\/\*[\s\S]*\*\/$/.test(token.value)));
}

// ---- parsing actions into a tree ----
function parse(tokens) {
  const root = { kind: 'list', items: [] };
  const stack = [root];
  const defines = {};
  const current = () => stack[stack.length - 1];
  const keyword = (value) => /^(if|else|range|with|define|end)\b/.exec(value)?.[1];
  for (const token of tokens) {
    if (token.type === 'text') {
      if (token.value) current().items.push({ kind: 'text', value: token.value });
      continue;
    }
    const word = keyword(token.value);
    const rest = word ? token.value.slice(word.length).trim() : token.value;
    if (word === 'if' || word === 'with' || word === 'range') {
      const node = { kind: word, branches: [{ condition: rest, body: { kind: 'list', items: [] } }], otherwise: null };
      current().items.push(node);
      stack.push(node, node.branches[0].body);
    } else if (word === 'define') {
      const node = { kind: 'list', items: [] };
      defines[JSON.parse(rest)] = node;
      stack.push({ kind: 'define' }, node);
    } else if (word === 'else') {
      stack.pop();
      const node = current();
      const body = { kind: 'list', items: [] };
      if (rest.startsWith('if ')) node.branches.push({ condition: rest.slice(3).trim(), body });
      else node.otherwise = body;
      stack.push(body);
    } else if (word === 'end') {
      stack.pop();
      stack.pop();
    } else {
      current().items.push({ kind: 'action', value: token.value });
    }
  }
  if (stack.length !== 1) throw new Error('unbalanced blocks');
  return { root, defines };
}

// ---- expressions ----
function tokenizeExpression(text) {
  const pattern = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|:=|=|\||\(|\)|,|\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*|\.[A-Za-z0-9_.]*|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/y;
  const tokens = [];
  let match;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < text.trimEnd().length && (match = pattern.exec(text))) tokens.push(match[1]);
  if (pattern.lastIndex < text.trimEnd().length) throw new Error(`cannot parse "${text}"`);
  return tokens;
}

const isEmpty = (value) =>
  value === undefined ||
  value === null ||
  value === false ||
  value === 0 ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

const lookup = (value, path) =>
  path.filter(Boolean).reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), value);

const toYaml = (value) => {
  if (isEmpty(value) && typeof value === 'object') return Array.isArray(value) ? '[]' : '{}';
  return require('yaml').stringify(value).replace(/\n$/, '');
};

function goFormat(format, args) {
  let index = 0;
  return format.replace(/%[svdq%]/g, (verb) => (verb === '%%' ? '%' : verb === '%q' ? JSON.stringify(String(args[index++])) : String(args[index++])));
}

function createRenderer(files) {
  const trees = {};
  const defines = {};
  for (const [name, text] of Object.entries(files)) {
    const parsed = parse(lex(text));
    trees[name] = parsed.root;
    Object.assign(defines, parsed.defines);
  }

  const functions = {
    include: (name, context) => {
      if (!defines[name]) throw new Error(`no template "${name}"`);
      return renderList(defines[name], context, new Scope(null, context));
    },
    nindent: (n, text) => `\n${functions.indent(n, text)}`,
    indent: (n, text) => String(text).split('\n').map((line) => ' '.repeat(n) + line).join('\n'),
    toYaml,
    fromYaml: (text) => parseYaml(text) ?? {},
    quote: (...values) => values.map((value) => JSON.stringify(value === undefined || value === null ? '' : String(value))).join(' '),
    default: (fallback, ...given) => (given.length === 0 || isEmpty(given[0]) ? fallback : given[0]),
    trunc: (n, text) => String(text).slice(0, n),
    trimSuffix: (suffix, text) => (String(text).endsWith(suffix) ? String(text).slice(0, -suffix.length) : String(text)),
    printf: (format, ...args) => goFormat(format, args),
    contains: (needle, text) => String(text).includes(needle),
    replace: (from, to, text) => String(text).split(from).join(to),
    dict: (...pairs) => Object.fromEntries(Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]])),
    list: (...items) => items,
    append: (items, item) => [...items, item],
    join: (separator, items) => items.join(separator),
    eq: (a, ...others) => others.some((other) => other === a),
    ne: (a, b) => a !== b,
    and: (...values) => values.find((value) => isEmpty(value)) ?? values[values.length - 1],
    or: (...values) => values.find((value) => !isEmpty(value)) ?? values[values.length - 1],
    not: (value) => isEmpty(value),
    gt: (a, b) => a > b,
    lt: (a, b) => a < b,
    int: (value) => Math.trunc(Number(value)) || 0,
    ternary: (whenTrue, whenFalse, condition) => (condition ? whenTrue : whenFalse),
    sha256sum: (text) => crypto.createHash('sha256').update(String(text)).digest('hex'),
    toString: (value) => String(value),
    empty: (value) => isEmpty(value),
    index: (collection, ...keys) => lookup(collection, keys.map(String)),
    // Helm aborts the render with the message; so does this renderer.
    fail: (message) => {
      throw new Error(message);
    },
    required: (message, value) => {
      if (value === undefined || value === null || value === '') throw new Error(message);
      return value;
    },
  };

  function evaluatePipeline(tokens, dot, scope) {
    const commands = [[]];
    let depth = 0;
    for (const token of tokens) {
      if (token === '(') depth++;
      if (token === ')') depth--;
      if (token === '|' && depth === 0) commands.push([]);
      else commands[commands.length - 1].push(token);
    }
    let piped;
    commands.forEach((command, index) => {
      piped = evaluateCommand(command, dot, scope, index === 0 ? [] : [piped]);
    });
    return piped;
  }

  function evaluateCommand(tokens, dot, scope, pipedArgs) {
    const operands = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] === '(') {
        let depth = 1;
        let j = i + 1;
        for (; depth > 0; j++) depth += tokens[j] === '(' ? 1 : tokens[j] === ')' ? -1 : 0;
        operands.push({ value: evaluatePipeline(tokens.slice(i + 1, j - 1), dot, scope) });
        i = j - 1;
      } else {
        operands.push({ token: tokens[i] });
      }
    }
    const value = (operand, asArgument) => {
      if ('value' in operand) return operand.value;
      const token = operand.token;
      if (token.startsWith('"')) return JSON.parse(token);
      if (token.startsWith('`')) return token.slice(1, -1);
      if (/^-?\d/.test(token)) return Number(token);
      if (token === 'true' || token === 'false') return token === 'true';
      if (token === 'nil') return null;
      if (token.startsWith('$')) {
        const [name, ...path] = token.split('.');
        return lookup(scope.get(name), path);
      }
      if (token.startsWith('.')) return lookup(dot, token.split('.'));
      if (!functions[token]) throw new Error(`unknown function ${token}`);
      return asArgument ? functions[token]() : functions[token];
    };
    const [head, ...rest] = operands;
    if (head.token && functions[head.token]) {
      return functions[head.token](...rest.map((operand) => value(operand, true)), ...pipedArgs);
    }
    if (rest.length || pipedArgs.length) throw new Error(`cannot call ${head.token}`);
    return value(head, true);
  }

  class Scope {
    constructor(parent, root) {
      this.parent = parent;
      this.vars = new Map(parent ? [] : [['$', root]]);
    }
    get(name) {
      if (this.vars.has(name)) return this.vars.get(name);
      if (this.parent) return this.parent.get(name);
      throw new Error(`undefined variable ${name}`);
    }
    set(name, value) {
      if (this.vars.has(name) || !this.parent) this.vars.set(name, value);
      else this.parent.set(name, value);
    }
  }

  const print = (value) => (value === undefined || value === null ? '' : String(value));

  function renderNode(node, dot, scope) {
    if (node.kind === 'text') return node.value;
    if (node.kind === 'action') {
      const tokens = tokenizeExpression(node.value);
      if (tokens[0]?.startsWith('$') && (tokens[1] === ':=' || tokens[1] === '=')) {
        const result = evaluatePipeline(tokens.slice(2), dot, scope);
        if (tokens[1] === ':=') scope.vars.set(tokens[0], result);
        else scope.set(tokens[0], result);
        return '';
      }
      return print(evaluatePipeline(tokens, dot, scope));
    }
    if (node.kind === 'if') {
      for (const branch of node.branches) {
        if (!isEmpty(evaluatePipeline(tokenizeExpression(branch.condition), dot, scope))) {
          return renderList(branch.body, dot, new Scope(scope));
        }
      }
      return node.otherwise ? renderList(node.otherwise, dot, new Scope(scope)) : '';
    }
    if (node.kind === 'with') {
      const value = evaluatePipeline(tokenizeExpression(node.branches[0].condition), dot, scope);
      if (!isEmpty(value)) return renderList(node.branches[0].body, value, new Scope(scope));
      return node.otherwise ? renderList(node.otherwise, dot, new Scope(scope)) : '';
    }
    if (node.kind === 'range') {
      const tokens = tokenizeExpression(node.branches[0].condition);
      const declare = tokens.indexOf(':=');
      const names = declare === -1 ? [] : tokens.slice(0, declare).filter((token) => token !== ',');
      const collection = evaluatePipeline(declare === -1 ? tokens : tokens.slice(declare + 1), dot, scope);
      if (isEmpty(collection)) return node.otherwise ? renderList(node.otherwise, dot, new Scope(scope)) : '';
      const entries = Array.isArray(collection) ? collection.map((item, index) => [index, item]) : Object.keys(collection).sort().map((key) => [key, collection[key]]);
      return entries
        .map(([key, item]) => {
          const inner = new Scope(scope);
          if (names.length === 1) inner.vars.set(names[0], item);
          if (names.length === 2) {
            inner.vars.set(names[0], key);
            inner.vars.set(names[1], item);
          }
          return renderList(node.branches[0].body, item, inner);
        })
        .join('');
    }
    throw new Error(`unknown node ${node.kind}`);
  }

  function renderList(list, dot, scope) {
    return list.items.map((node) => renderNode(node, dot, scope)).join('');
  }

  return {
    /** Renders one file with the given top-level context (.Values, .Release, .Chart). */
    render(name, context) {
      return renderList(trees[name], context, new Scope(null, context));
    },
  };
}

module.exports = { createRenderer };
