import { redactSecretParams } from './secret-params';

describe('redactSecretParams', () => {
  it.each([
    ['/api/v1/realtime?token=s3cr3t', '/api/v1/realtime?token=[redacted]'],
    ['/x?a=1&access_token=s3cr3t&b=2', '/x?a=1&access_token=[redacted]&b=2'],
    ['/x?refresh_token=s3cr3t#frag', '/x?refresh_token=[redacted]#frag'],
    ['/callback?code=s3cr3t&state=abc', '/callback?code=[redacted]&state=abc'],
    ['/x?client_secret=s3cr3t', '/x?client_secret=[redacted]'],
    ['/x?password=s3cr3t', '/x?password=[redacted]'],
    ['/x?key=s3cr3t;api_key=s3cr3t', '/x?key=[redacted];api_key=[redacted]'],
    ['https://s3.local/b/o?X-Amz-Signature=s3cr3t&X-Amz-Expires=60', 'https://s3.local/b/o?X-Amz-Signature=[redacted]&X-Amz-Expires=60'],
    ['/x?TOKEN=s3cr3t', '/x?TOKEN=[redacted]'],
  ])('hides the secret in %s', (input, expected) => {
    expect(redactSecretParams(input)).toBe(expected);
  });

  it('hides secrets of a URL inside a message and keeps the ordinary parameters', () => {
    const message = 'GET /api/v1/properties?page=2&postalCode=10115&token=s3cr3t failed';
    expect(redactSecretParams(message)).toBe('GET /api/v1/properties?page=2&postalCode=10115&token=[redacted] failed');
  });

  it('leaves paths without secrets unchanged', () => {
    expect(redactSecretParams('/api/v1/units?propertyId=p-1&sort=name')).toBe('/api/v1/units?propertyId=p-1&sort=name');
    expect(redactSecretParams('/api/v1/token')).toBe('/api/v1/token');
  });
});
