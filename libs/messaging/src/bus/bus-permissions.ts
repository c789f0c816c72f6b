import { COMPONENTS, ComponentName } from '@quartier/contracts-shared';
import { eventStreamName } from '../event-stream';

export interface BusPermissions {
  publish: string[];
  /** `subject` or `subject queue` (a subscription allowed only in that queue group). */
  subscribe: string[];
}

/** Replies to a component's requests arrive under an inbox only it may subscribe to. */
export function inboxPrefixOf(component: ComponentName): string {
  return `_INBOX_${component}`;
}

/**
 * What a component may do on the bus, derived from the COMPONENTS table: answer its own subjects
 * in its own queue group, request the services it calls, publish its own events, and use the
 * JetStream API of its deployment's event stream only. Replies to requests it received are allowed
 * by `allow_responses` in the server configuration, nothing else.
 */
export function busPermissions(component: ComponentName, prefix: string): BusPermissions {
  const declaration = COMPONENTS[component];
  const stream = eventStreamName(prefix);
  const jetStream = [
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.INFO.${stream}.>`,
    `$JS.API.CONSUMER.DELETE.${stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
  return {
    publish: [...declaration.calls.map((service) => `${prefix}.${service}.v1.>`), `${prefix}.events.${component}.>`, ...jetStream],
    subscribe: [...(declaration.serves ? [`${prefix}.${component}.v1.> ${component}`] : []), `${inboxPrefixOf(component)}.>`],
  };
}
