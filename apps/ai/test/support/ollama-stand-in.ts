import { createHash } from 'node:crypto';
import { sleep, startJsonServer } from './http-stand-in';

export interface OllamaMessage {
  role: string;
  content: string;
  tool_calls?: { function: { name: string; arguments: Record<string, unknown> } }[];
  tool_name?: string;
}

export interface OllamaChatRequest {
  model: string;
  messages: OllamaMessage[];
  tools?: { function: { name: string } }[];
}

/** A question pattern and the tool call the stand-in model makes for it. */
export interface ToolRule {
  pattern: RegExp;
  tool: string;
  arguments: Record<string, unknown>;
}

/**
 * Bag-of-words embedding: every word (3+ letters) adds to the dimension its hash picks, then
 * the vector is normalized. Texts sharing words are close in cosine, so retrieval is real.
 */
export function embedText(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const word of text.toLowerCase().match(/[a-zäöüß]{3,}/g) ?? []) {
    const hash = createHash('sha256').update(word).digest();
    vector[hash.readUInt32BE(0) % dimension] += 1;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/**
 * Speaks Ollama's REST API (/api/embed, /api/chat, /api/tags). The chat model is scripted:
 * it calls a tool when the question matches a rule, and otherwise answers from the first
 * excerpt of its system prompt (citing [1]) and from the tool results it was given.
 */
export async function startOllamaStandIn(dimension: number) {
  const state = {
    chats: [] as OllamaChatRequest[],
    embedInputs: [] as string[],
    toolRules: [] as ToolRule[],
    delayMs: 0,
    /** Answers 503 to everything while true, as an Ollama that is restarting. */
    down: false,
  };
  const server = await startJsonServer(async ({ method, path, body }) => {
    if (state.down) return { status: 503, body: { error: 'model is loading' } };
    if (method === 'GET' && path === '/api/tags') return { status: 200, body: { models: [{ name: 'stand-in' }] } };
    if (method === 'POST' && path === '/api/embed') {
      const { model, input } = body as { model: string; input: string | string[] };
      const inputs = Array.isArray(input) ? input : [input];
      state.embedInputs.push(...inputs);
      return { status: 200, body: { model, embeddings: inputs.map((text) => embedText(text, dimension)) } };
    }
    if (method === 'POST' && path === '/api/chat') {
      const request = body as OllamaChatRequest;
      state.chats.push(request);
      if (state.delayMs > 0) await sleep(state.delayMs);
      return { status: 200, body: { model: request.model, created_at: new Date().toISOString(), message: reply(request, state.toolRules), done: true, done_reason: 'stop' } };
    }
    return { status: 404, body: { error: 'not found' } };
  });
  return { ...server, state };
}

function reply(request: OllamaChatRequest, rules: ToolRule[]): OllamaMessage {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const afterQuestion = request.messages.slice(request.messages.lastIndexOf(lastUser as OllamaMessage) + 1);
  const toolResults = afterQuestion.filter((message) => message.role === 'tool');
  const rule = rules.find((candidate) => candidate.pattern.test(lastUser?.content ?? ''));
  if (rule && request.tools?.length && toolResults.length === 0) {
    return { role: 'assistant', content: '', tool_calls: [{ function: { name: rule.tool, arguments: rule.arguments } }] };
  }
  const parts: string[] = [];
  const excerpt = /\[1\] [^\n]*\n([^\n]+)/.exec(request.messages[0]?.content ?? '');
  if (excerpt) parts.push(`From the documents: ${excerpt[1]} [1]`);
  for (const result of toolResults) parts.push(`Live data from ${result.tool_name}: ${result.content}`);
  return { role: 'assistant', content: parts.length > 0 ? parts.join('\n') : 'I do not know.' };
}
