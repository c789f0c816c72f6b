import { mergeCredentials, missingCredentials } from './channel-credentials';

describe('channel credentials', () => {
  const empty = { settings: {}, secrets: {} };

  it('merges what changes, keeps what is not sent and removes a secret sent empty', () => {
    const first = mergeCredentials('facebook', empty, { settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB1' } });
    expect(first).toEqual({ settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB1' } });
    const second = mergeCredentials('facebook', first as never, { settings: { pageId: ' 2048 ' } });
    expect(second).toEqual({ settings: { pageId: '2048' }, secrets: { pageAccessToken: 'EAAB1' } });
    expect(mergeCredentials('facebook', second as never, { secrets: { pageAccessToken: '' } })).toEqual({ settings: { pageId: '2048' }, secrets: {} });
  });

  it('names keys a channel does not take and values that are not strings', () => {
    const result = mergeCredentials('immoscout24', empty, { settings: { pageId: 'x' }, secrets: { consumerKey: 42 as unknown as string, password: 'p' } });
    expect(result).toEqual({
      errors: [
        { field: 'settings.pageId', message: 'immoscout24 takes no settings pageId' },
        { field: 'secrets.consumerKey', message: 'secrets.consumerKey must be a string' },
        { field: 'secrets.password', message: 'immoscout24 takes no secrets password (it takes consumerKey, consumerSecret, accessToken, accessTokenSecret)' },
      ],
    });
  });

  it('lists what a channel still needs', () => {
    expect(missingCredentials('immowelt', { providerId: '1234' }, [])).toEqual(['settings.ftpUsername', 'settings.companyName', 'secrets.ftpPassword']);
    expect(missingCredentials('immoscout24', {}, ['consumerKey', 'consumerSecret', 'accessToken', 'accessTokenSecret'])).toEqual([]);
  });
});
