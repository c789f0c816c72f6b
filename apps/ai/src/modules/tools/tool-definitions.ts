import { Tool } from 'ollama';
import { PROPERTY_STATUSES, UNIT_STATUSES } from '@quartier/contracts-portfolio';
import { WORK_ORDER_PRIORITIES } from '@quartier/contracts-workorders';

export const TOOL_NAMES = ['list_properties', 'list_units', 'list_vacant_units', 'list_overdue_payments', 'list_open_work_orders'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Most records one tool call returns to the model. */
export const TOOL_MAX_LIMIT = 50;
const DEFAULT_LIMIT = 20;

interface ParameterSpec {
  type: 'string' | 'integer' | 'boolean';
  description: string;
  enum?: readonly string[];
  format?: 'uuid';
}

interface ToolSpec {
  description: string;
  parameters: Record<string, ParameterSpec>;
}

const limit: ParameterSpec = { type: 'integer', description: `How many records at most (1-${TOOL_MAX_LIMIT}, default ${DEFAULT_LIMIT})` };
const propertyId: ParameterSpec = { type: 'string', format: 'uuid', description: 'Only this property (its id)' };

const TOOL_SPECS: Record<ToolName, ToolSpec> = {
  list_properties: {
    description: "The organization's properties with their status and city",
    parameters: {
      status: { type: 'string', enum: PROPERTY_STATUSES, description: 'Only properties with this status' },
      city: { type: 'string', description: 'Only properties in this city' },
      limit,
    },
  },
  list_units: {
    description: 'Units (apartments, offices) with their status and target rent',
    parameters: { propertyId, status: { type: 'string', enum: UNIT_STATUSES, description: 'Only units with this status' }, limit },
  },
  list_vacant_units: {
    description: 'Vacant units that can be let now, with the total count',
    parameters: { propertyId, limit },
  },
  list_overdue_payments: {
    description: 'Rent and late fees that are overdue: lease, tenant, due date, days overdue and amount still owed',
    parameters: { limit },
  },
  list_open_work_orders: {
    description: 'Open maintenance work orders (not completed or cancelled), optionally only urgent ones (high/emergency priority or past due)',
    parameters: {
      urgentOnly: { type: 'boolean', description: 'Only urgent work orders' },
      priority: { type: 'string', enum: WORK_ORDER_PRIORITIES, description: 'Only this priority' },
      limit,
    },
  },
};

/** The tools in Ollama's function-calling format. */
export function toolDefinitions(): Tool[] {
  return TOOL_NAMES.map((name) => ({
    type: 'function',
    function: {
      name,
      description: TOOL_SPECS[name].description,
      parameters: {
        type: 'object',
        required: [],
        properties: Object.fromEntries(
          Object.entries(TOOL_SPECS[name].parameters).map(([key, spec]) => [
            key,
            { type: spec.type, description: spec.description, ...(spec.enum ? { enum: [...spec.enum] } : {}) },
          ]),
        ),
      },
    },
  }));
}

export type ToolArguments = Record<string, string | number | boolean>;
export type ValidatedToolCall = { ok: true; name: ToolName; args: ToolArguments & { limit: number } } | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a tool call the model made before anything is sent to a service: known tool, known
 * arguments of the right type and value. Models send numbers as strings at times: those are accepted.
 */
export function validateToolCall(name: string, raw: unknown): ValidatedToolCall {
  if (!(TOOL_NAMES as readonly string[]).includes(name)) return { ok: false, error: `Unknown tool ${name}` };
  const tool = name as ToolName;
  const input = typeof raw === 'string' ? parseJson(raw) : raw;
  if (input === undefined || input === null) return { ok: true, name: tool, args: { limit: DEFAULT_LIMIT } };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'Arguments must be an object' };
  const args: ToolArguments = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const spec = TOOL_SPECS[tool].parameters[key];
    if (!spec) return { ok: false, error: `${tool} has no argument ${key}` };
    // Models often send empty values for optional arguments: treat them as absent.
    if (value === null || value === '') continue;
    const checked = checkValue(key, spec, value);
    if (typeof checked === 'object') return checked;
    args[key] = checked;
  }
  const requested = typeof args.limit === 'number' ? args.limit : DEFAULT_LIMIT;
  return { ok: true, name: tool, args: { ...args, limit: Math.min(Math.max(requested, 1), TOOL_MAX_LIMIT) } };
}

function checkValue(key: string, spec: ParameterSpec, value: unknown): string | number | boolean | { ok: false; error: string } {
  const fail = (message: string) => ({ ok: false as const, error: `${key} ${message}` });
  if (spec.type === 'integer') {
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) ? number : fail('must be an integer');
  }
  if (spec.type === 'boolean') {
    if (value === 'true' || value === 'false') return value === 'true';
    return typeof value === 'boolean' ? value : fail('must be true or false');
  }
  if (typeof value !== 'string') return fail('must be a string');
  if (value.length > 100) return fail('is too long');
  if (spec.enum && !spec.enum.includes(value)) return fail(`must be one of ${spec.enum.join(', ')}`);
  if (spec.format === 'uuid' && !UUID.test(value)) return fail('must be a UUID');
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return 'not json';
  }
}
