import { Worker } from 'node:worker_threads';

const PDF_TIMEOUT_MS = 30_000;

/**
 * pdf-parse (pdf.js) in a worker thread: parsing a large PDF is CPU work that would otherwise
 * stall every NATS handler of the process, and a hostile file is stopped after 30 s and 512 MB.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
(async () => {
  const parser = new PDFParse({ data: workerData });
  try {
    const result = await parser.getText();
    parentPort.postMessage({ pages: result.pages.map((page) => page.text) });
  } catch (error) {
    parentPort.postMessage({ error: error && error.name ? error.name : 'Error' });
  } finally {
    await parser.destroy();
  }
})();
`;

/** The text of each page, or an error when pdf.js cannot read the file. */
export function readPdfPages(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: new Uint8Array(bytes),
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('PDF text extraction timed out'));
    }, PDF_TIMEOUT_MS);
    worker.once('message', (message: { pages?: string[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.pages) resolve(message.pages);
      else reject(new Error(`PDF cannot be read (${message.error ?? 'unknown'})`));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
