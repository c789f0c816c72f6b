// One log stream for the whole suite: every line of every child, prefixed with a coloured [service] tag.
const fs = require('node:fs');

const COLOURS = [36, 32, 35, 33, 34, 91, 96, 92, 95, 93];
const TAIL_LINES = 30;

function useColour(stream) {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream && stream.isTTY);
}

/**
 * Creates the sink the suite writes to. `quiet` keeps the terminal clean (tests); `logFile`
 * also appends every line (uncoloured) to a file. The last lines of each source are kept so a
 * crash can be explained even when nothing was printed.
 */
function createLogSink({ quiet = false, logFile, stream = process.stdout } = {}) {
  const colour = useColour(stream);
  const file = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  const width = { value: 8 };
  const tails = new Map();
  const colours = new Map();

  const tagOf = (source) => {
    if (!colours.has(source)) colours.set(source, COLOURS[colours.size % COLOURS.length]);
    const tag = `[${source}]`.padEnd(width.value + 2);
    return colour ? `\u001b[${colours.get(source)}m${tag}\u001b[0m` : tag;
  };

  const line = (source, text) => {
    const tail = tails.get(source) ?? [];
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
    tails.set(source, tail);
    if (file) file.write(`[${source}] ${text}\n`);
    if (!quiet) stream.write(`${tagOf(source)} ${text}\n`);
  };

  return {
    /** Makes tags line up once the names are known. */
    register(names) {
      width.value = Math.max(width.value, ...names.map((name) => name.length));
      names.forEach(tagOf);
    },
    line,
    /** Splits a child's output into lines (keeping partial lines until they end). */
    pipe(source, readable) {
      let pending = '';
      readable.setEncoding('utf8');
      readable.on('data', (chunk) => {
        const parts = (pending + chunk).split(/\r?\n/);
        pending = parts.pop();
        for (const part of parts) line(source, part);
      });
      readable.on('end', () => {
        if (pending) line(source, pending);
        pending = '';
      });
    },
    tail(source) {
      return [...(tails.get(source) ?? [])];
    },
    close() {
      return new Promise((resolve) => (file ? file.end(resolve) : resolve()));
    },
  };
}

module.exports = { createLogSink };
