/**
 * The components that talk over the bus and whom each one may call (ARCHITECTURE §3). This one
 * table decides a component's NATS subject permissions and whose signed caller contexts a service
 * accepts: a call that is not listed here is refused by the NATS server and by the callee.
 */
export const SERVICE_NAMES = ['identity', 'portfolio', 'leasing', 'workorders', 'iot', 'valuation', 'publishing', 'ai'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const COMPONENT_NAMES = ['gateway', ...SERVICE_NAMES] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

export interface ComponentDeclaration {
  /** Services whose operations this component requests. */
  calls: readonly ServiceName[];
  /** Whether it answers requests on `<prefix>.<name>.v1.>` in the queue group `<name>`. */
  serves: boolean;
}

export const COMPONENTS: Readonly<Record<ComponentName, ComponentDeclaration>> = {
  gateway: { calls: ['identity', 'portfolio', 'leasing', 'workorders', 'iot', 'valuation', 'publishing', 'ai'], serves: false },
  identity: { calls: [], serves: true },
  portfolio: { calls: ['identity'], serves: true },
  leasing: { calls: ['portfolio'], serves: true },
  workorders: { calls: ['portfolio', 'leasing'], serves: true },
  iot: { calls: ['portfolio'], serves: true },
  valuation: { calls: ['portfolio'], serves: true },
  publishing: { calls: ['portfolio'], serves: true },
  ai: { calls: ['portfolio', 'leasing', 'workorders'], serves: true },
};

export function isComponentName(value: string): value is ComponentName {
  return (COMPONENT_NAMES as readonly string[]).includes(value);
}

/** The service a subject such as `portfolio.v1.units.list` belongs to. */
export function serviceOfSubject(subject: string): string {
  return subject.slice(0, subject.indexOf('.'));
}

/** Whether `caller` may call `callee` according to the table. */
export function mayCall(caller: ComponentName, callee: string): boolean {
  return (COMPONENTS[caller].calls as readonly string[]).includes(callee);
}
