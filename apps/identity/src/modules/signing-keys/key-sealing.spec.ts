import { KeySealingError, isSealed, sealPrivateKey, unsealPrivateKey } from './key-sealing';

const jwk = { kty: 'EC', crv: 'P-256', x: 'x-coordinate', y: 'y-coordinate', d: 'private-scalar' };
const SECRET = 'a-long-operator-secret-of-32-characters';

describe('signing-key sealing', () => {
  it('encrypts the private key when a secret is configured, so the stored text never contains it', () => {
    const sealed = sealPrivateKey(jwk, SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('private-scalar');
    expect(sealPrivateKey(jwk, SECRET)).not.toBe(sealed);
    expect(unsealPrivateKey(sealed, SECRET)).toEqual(jwk);
  });

  it('stores plain JSON without a secret and still reads it once a secret is configured', () => {
    const plain = sealPrivateKey(jwk, undefined);
    expect(isSealed(plain)).toBe(false);
    expect(unsealPrivateKey(plain, undefined)).toEqual(jwk);
    expect(unsealPrivateKey(plain, SECRET)).toEqual(jwk);
  });

  it('refuses a missing or wrong secret without leaking the stored key', () => {
    const sealed = sealPrivateKey(jwk, SECRET);
    expect(() => unsealPrivateKey(sealed, undefined)).toThrow(KeySealingError);
    expect(() => unsealPrivateKey(sealed, `${SECRET}-other`)).toThrow(/differs/);
    const refusal = (() => {
      try {
        unsealPrivateKey(sealed, 'wrong-secret-of-some-length-here');
        return undefined;
      } catch (error) {
        return error as Error;
      }
    })();
    expect(refusal).toBeInstanceOf(KeySealingError);
    expect(refusal?.message).not.toContain(sealed.slice(8, 30));
    expect(refusal?.message).not.toContain('private-scalar');
  });
});
