import { KeySealingError, isSealed, sealPrivateKey, unsealPrivateKey } from './key-sealing';

const jwk = { kty: 'EC', crv: 'P-256', x: 'x-coordinate', y: 'y-coordinate', d: 'private-scalar' };
const SECRET = 'a-long-operator-secret-of-32-characters';

describe('signing-key sealing', () => {
  it('encrypts the private key, so the stored text never contains it', () => {
    const sealed = sealPrivateKey(jwk, SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('private-scalar');
    expect(sealPrivateKey(jwk, SECRET)).not.toBe(sealed);
    expect(unsealPrivateKey(sealed, SECRET)).toEqual(jwk);
  });

  it('still reads a key stored as plain JSON before encryption was mandatory, so it can be encrypted', () => {
    const plain = JSON.stringify(jwk);
    expect(isSealed(plain)).toBe(false);
    expect(unsealPrivateKey(plain, SECRET)).toEqual(jwk);
  });

  it('refuses a wrong secret without leaking the stored key', () => {
    const sealed = sealPrivateKey(jwk, SECRET);
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
