import { resolveRequestId, resolveTraceparent } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request id', () => {
  it('echoes a sane client id', () => {
    expect(resolveRequestId('abc-123_x.y')).toBe('abc-123_x.y');
    expect(resolveRequestId(['first', 'second'])).toBe('first');
    expect(resolveRequestId('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('generates a uuid for missing, too long or unsafe ids', () => {
    expect(resolveRequestId(undefined)).toMatch(UUID);
    expect(resolveRequestId('')).toMatch(UUID);
    expect(resolveRequestId('a'.repeat(129))).toMatch(UUID);
    expect(resolveRequestId('evil\r\nSet-Cookie: x')).toMatch(UUID);
    expect(resolveRequestId('has space')).toMatch(UUID);
  });

  it('keeps a valid traceparent and starts a new trace otherwise', () => {
    const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(resolveTraceparent(valid)).toBe(valid);
    expect(resolveTraceparent('garbage')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
