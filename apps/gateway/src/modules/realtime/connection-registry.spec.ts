import { Connection, ConnectionRegistry, EventSocket } from './connection-registry';

class FakeSocket implements EventSocket {
  bufferedAmount = 0;
  sent: string[] = [];
  terminated = false;
  send(data: string): void {
    this.sent.push(data);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function connection(organizationId: string, overrides: Partial<Connection> = {}): Connection & { socket: FakeSocket } {
  return { clientId: 'c', userId: 'u', organizationId, roles: ['viewer'], connectedAt: '2026-01-01T00:00:00.000Z', socket: new FakeSocket(), ...overrides } as Connection & {
    socket: FakeSocket;
  };
}

const event = { id: 'e1', type: 'leasing.lease.activated', organizationId: 'org-a', occurredAt: '2026-01-01T00:00:00.000Z', payload: { leaseId: 'l' } };

describe('ConnectionRegistry', () => {
  it("sends an event to its organization's connections only, in the client message shape", () => {
    const registry = new ConnectionRegistry(1024 * 1024);
    const mine = connection('org-a');
    const theirs = connection('org-b');
    registry.add(mine);
    registry.add(theirs);
    expect(registry.fanOut(event)).toEqual({ delivered: 1, dropped: 0 });
    expect(mine.socket.sent.map((data) => JSON.parse(data))).toEqual([{ type: 'event', event }]);
    expect(theirs.socket.sent).toEqual([]);
  });

  it('drops a client whose send buffer exceeds the limit instead of buffering more', () => {
    const dropped: string[] = [];
    const registry = new ConnectionRegistry(1000, (gone) => dropped.push(gone.clientId));
    const slow = connection('org-a', { clientId: 'slow' });
    const fast = connection('org-a', { clientId: 'fast' });
    slow.socket.bufferedAmount = 1001;
    fast.socket.bufferedAmount = 1000;
    registry.add(slow);
    registry.add(fast);
    expect(registry.fanOut(event)).toEqual({ delivered: 1, dropped: 1 });
    expect(slow.socket.terminated).toBe(true);
    expect(slow.socket.sent).toEqual([]);
    expect(dropped).toEqual(['slow']);
    expect(registry.list('org-a').map((left) => left.clientId)).toEqual(['fast']);
  });

  it('counts connections across organizations', () => {
    const registry = new ConnectionRegistry(1024);
    const a = connection('org-a');
    registry.add(a);
    registry.add(a);
    registry.add(connection('org-b'));
    expect(registry.size).toBe(2);
    registry.remove(a);
    registry.remove(a);
    expect(registry.size).toBe(1);
    expect(registry.list('org-a')).toEqual([]);
  });
});
