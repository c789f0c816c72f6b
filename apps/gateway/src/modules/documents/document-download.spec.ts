import { contentDisposition, reprDigest } from './document-download';

describe('Content-Disposition of downloads', () => {
  it('keeps plain names as they are', () => {
    expect(contentDisposition('mietvertrag.pdf')).toBe(`attachment; filename="mietvertrag.pdf"; filename*=UTF-8''mietvertrag.pdf`);
  });

  it('gives umlauts exactly in filename* and an ASCII stand-in in filename', () => {
    expect(contentDisposition('Übergabe Straße.pdf')).toBe(
      `attachment; filename="_bergabe Stra_e.pdf"; filename*=UTF-8''%C3%9Cbergabe%20Stra%C3%9Fe.pdf`,
    );
  });

  it('cannot be broken out of with quotes, backslashes or line breaks', () => {
    const header = contentDisposition('a"; filename="evil.exe\r\nX-Injected: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_; filename=_evil.exe__X-Injected: 1.pdf"')).toBe(true);
  });

  it('lets the browser show a preview when asked', () => {
    expect(contentDisposition('grundriss.pdf', true)).toBe(`inline; filename="grundriss.pdf"; filename*=UTF-8''grundriss.pdf`);
  });

  it('states the SHA-256 of the file as an RFC 9530 Repr-Digest', () => {
    expect(reprDigest('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
  });
});
