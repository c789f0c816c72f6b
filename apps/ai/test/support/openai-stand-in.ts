import { startJsonServer } from './http-stand-in';

interface CompletionRequest {
  model: string;
  messages: { role: string; content: string }[];
}

/** Speaks the OpenAI chat-completions API (/v1/chat/completions, /v1/models) and echoes the question. */
export async function startOpenAiStandIn() {
  const requests: { body: CompletionRequest }[] = [];
  const server = await startJsonServer(({ method, path, body }) => {
    if (method === 'GET' && path === '/v1/models') return { status: 200, body: { object: 'list', data: [{ id: 'stand-in', object: 'model', created: 0, owned_by: 'test' }] } };
    if (method === 'POST' && path === '/v1/chat/completions') {
      const request = body as CompletionRequest;
      requests.push({ body: request });
      const question = request.messages[request.messages.length - 1].content;
      return {
        status: 200,
        body: {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content: `Cloud answer to: ${question}` }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      };
    }
    return { status: 404, body: { error: { message: 'not found' } } };
  });
  return { ...server, requests, baseUrl: `${server.url}/v1` };
}
