import { ConfigError, bool, describeConfig, int, list, loadConfig, str } from './config';

describe('loadConfig', () => {
  const spec = {
    NAME: str('a name', { default: 'quartier' }),
    PORT: int('a port', { default: '3000', min: 1, max: 65535 }),
    SECRET: str('a secret', { secret: true }),
    FLAG: bool('a flag', { default: 'false' }),
    ORIGINS: list('origins', { default: '' }),
  };

  it('applies defaults and parses values', () => {
    const config = loadConfig(spec, { SECRET: 's', PORT: '8080', ORIGINS: 'a, b,' });
    expect(config).toEqual({ NAME: 'quartier', PORT: 8080, SECRET: 's', FLAG: false, ORIGINS: ['a', 'b'] });
  });

  it('reports every problem at once and never prints a secret', () => {
    try {
      loadConfig({ ...spec, SECRET: int('a secret number', { secret: true }) }, { PORT: 'x', SECRET: 'hunter2', FLAG: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect((error as ConfigError).problems).toHaveLength(3);
      expect(message).toContain('PORT="x" must be an integer');
      expect(message).toContain('FLAG="maybe" must be true or false');
      expect(message).not.toContain('hunter2');
    }
  });

  it('names required variables that are missing', () => {
    expect(() => loadConfig(spec, {})).toThrow('SECRET is required: a secret');
  });

  it('describes variables as README table rows', () => {
    expect(describeConfig(spec)[0]).toBe('| `NAME` | `quartier` | a name |');
    expect(describeConfig(spec)[2]).toBe('| `SECRET` | (required) | a secret |');
    expect(describeConfig({ TOPIC: str('<prefix>/telemetry|state', { default: 'x' }) })).toEqual(['| `TOPIC` | `x` | &lt;prefix>/telemetry\\|state |']);
  });
});
