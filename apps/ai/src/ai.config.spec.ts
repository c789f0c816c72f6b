import { ConfigError, loadConfig } from '@quartier/config';
import { aiConfigSpec } from './ai.config';

describe('ai configuration', () => {
  it('boots with documented defaults and no cloud LLM', () => {
    const config = loadConfig(aiConfigSpec, {});
    expect(config).toMatchObject({ EMBEDDING_DIMENSION: 768, CHUNK_SIZE: 1200, CHUNK_OVERLAP: 200, RETRIEVAL_TOP_K: 5 });
    expect(config.LLM_BASE_URL).toBeUndefined();
    for (const variable of Object.values(aiConfigSpec)) expect(variable.description.length).toBeGreaterThan(10);
  });

  it('rejects retrieving more than 20 chunks', () => {
    expect(() => loadConfig(aiConfigSpec, { RETRIEVAL_TOP_K: '21' })).toThrow(ConfigError);
  });
});
