import { randomUUID } from 'node:crypto';
import { ChannelListView, ChannelSubjects, ChannelView } from '@quartier/contracts-publishing';
import { TestStack, rpcFailure, startTestStack, testCaller } from '@quartier/testing';
import { publishingService } from '../src/publishing.service-app';

/** A deployment whose operator has not set CHANNEL_SECRETS_KEY yet: it runs, but stores no secret in the clear. */
describe('publishing without CHANNEL_SECRETS_KEY', () => {
  let stack: TestStack;
  const owner = testCaller(randomUUID(), { roles: ['owner'] });

  beforeAll(async () => {
    stack = await startTestStack([publishingService], { CHANNEL_SECRETS_KEY: '' });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('refuses to store secrets (503 naming the variable) and keeps settings', async () => {
    const refused = await rpcFailure(stack.rpc.request(ChannelSubjects.configure, { channel: 'facebook', settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB-secret' } }, owner));
    expect([refused.status, refused.code]).toEqual([503, 'PUBLISHING_SECRETS_KEY_MISSING']);
    expect(refused.message).toContain('CHANNEL_SECRETS_KEY');
    expect(refused.message).not.toContain('EAAB-secret');
    const list = await stack.rpc.request<ChannelListView>(ChannelSubjects.list, {}, owner);
    expect(list.items.find((item) => item.channel === 'facebook')).toMatchObject({ configured: false, secretsSet: [] });

    const settingsOnly = await stack.rpc.request<ChannelView>(ChannelSubjects.configure, { channel: 'facebook', settings: { pageId: '1047' } }, owner);
    expect(settingsOnly).toMatchObject({ settings: { pageId: '1047' }, configured: false, missing: ['secrets.pageAccessToken'] });
  });
});
