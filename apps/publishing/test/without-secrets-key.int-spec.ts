import { randomUUID } from 'node:crypto';
import { ChannelOperations } from '@quartier/contracts-publishing';
import { OperationClient } from '@quartier/messaging';
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
    const refused = await rpcFailure(new OperationClient(stack.rpc).send(ChannelOperations.configure, { channel: 'facebook', settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB-secret' } }, owner));
    expect([refused.status, refused.code]).toEqual([503, 'PUBLISHING_SECRETS_KEY_MISSING']);
    expect(refused.message).toContain('CHANNEL_SECRETS_KEY');
    expect(refused.message).not.toContain('EAAB-secret');
    const list = await new OperationClient(stack.rpc).send(ChannelOperations.list, {}, owner);
    expect(list.items.find((item) => item.channel === 'facebook')).toMatchObject({ configured: false, secretsSet: [] });

    const settingsOnly = await new OperationClient(stack.rpc).send(ChannelOperations.configure, { channel: 'facebook', settings: { pageId: '1047' } }, owner);
    expect(settingsOnly).toMatchObject({ settings: { pageId: '1047' }, configured: false, missing: ['secrets.pageAccessToken'] });
  });
});
