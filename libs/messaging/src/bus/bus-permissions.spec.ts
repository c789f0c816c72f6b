import { COMPONENT_NAMES } from '@quartier/contracts-shared';
import { generateBusKeys } from './bus-keys';
import { busPermissions, inboxPrefixOf } from './bus-permissions';
import { renderNatsServerConfig } from './nats-server-config';

describe('bus permissions from the COMPONENTS table', () => {
  it('lets a service answer only its own subjects, in its own queue group, and request only the services it calls', () => {
    const ai = busPermissions('ai', 'qt');
    expect(ai.subscribe).toEqual(['qt.ai.v1.> ai', '_INBOX_ai.>']);
    expect(ai.publish).toEqual(expect.arrayContaining(['qt.portfolio.v1.>', 'qt.leasing.v1.>', 'qt.workorders.v1.>', 'qt.events.ai.>']));
    expect(ai.publish).not.toContain('qt.identity.v1.>');
    expect(ai.publish.filter((subject) => subject.startsWith('qt.events.'))).toEqual(['qt.events.ai.>']);
  });

  it('gives the gateway every service to call and nothing to answer', () => {
    const gateway = busPermissions('gateway', 'qt');
    expect(gateway.subscribe).toEqual([inboxPrefixOf('gateway') + '.>']);
    expect(gateway.publish.filter((subject) => subject.endsWith('.v1.>'))).toHaveLength(COMPONENT_NAMES.length - 1);
  });

  it('confines the JetStream API to the deployment’s own event stream', () => {
    const jetStream = busPermissions('leasing', 'qt').publish.filter((subject) => subject.startsWith('$JS.'));
    expect(jetStream.filter((subject) => subject !== '$JS.API.INFO').every((subject) => subject.includes('.QT_EVENTS'))).toBe(true);
    expect(jetStream).not.toContain('$JS.API.STREAM.DELETE.QT_EVENTS');
  });

  it('writes a server configuration with public keys and never a seed', () => {
    const keys = generateBusKeys();
    const config = renderNatsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: '/tmp/js', prefix: 'qt', keys });
    for (const name of COMPONENT_NAMES) {
      expect(config).toContain(keys[name].publicKey);
      expect(config).not.toContain(keys[name].seed);
    }
    expect(config).toContain('"qt.portfolio.v1.> portfolio"');
  });
});
