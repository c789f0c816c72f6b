import { TOOL_MAX_LIMIT, TOOL_NAMES, toolDefinitions, validateToolCall } from './tool-definitions';

describe('tool definitions and argument validation', () => {
  it('describes every tool in the function-calling format with its enums', () => {
    const tools = toolDefinitions();
    expect(tools.map((tool) => tool.function.name)).toEqual([...TOOL_NAMES]);
    const units = tools.find((tool) => tool.function.name === 'list_units');
    expect(units?.function.parameters?.properties?.status?.enum).toContain('vacant');
  });

  it('accepts known arguments, defaults and caps the limit', () => {
    expect(validateToolCall('list_vacant_units', {})).toEqual({ ok: true, name: 'list_vacant_units', args: { limit: 20 } });
    expect(validateToolCall('list_units', { status: 'vacant', limit: 500 })).toEqual({
      ok: true,
      name: 'list_units',
      args: { status: 'vacant', limit: TOOL_MAX_LIMIT },
    });
    expect(validateToolCall('list_open_work_orders', '{"urgentOnly":"true","limit":"5"}')).toEqual({
      ok: true,
      name: 'list_open_work_orders',
      args: { urgentOnly: true, limit: 5 },
    });
  });

  it('treats empty optional values as absent', () => {
    expect(validateToolCall('list_units', { propertyId: '', status: null })).toEqual({ ok: true, name: 'list_units', args: { limit: 20 } });
  });

  it('rejects unknown tools, unknown arguments, wrong types, values outside the enum and malformed ids', () => {
    expect(validateToolCall('drop_database', {})).toEqual({ ok: false, error: 'Unknown tool drop_database' });
    expect(validateToolCall('list_units', { organizationId: 'x' })).toEqual({ ok: false, error: 'list_units has no argument organizationId' });
    expect(validateToolCall('list_units', { limit: 2.5 })).toEqual({ ok: false, error: 'limit must be an integer' });
    expect(validateToolCall('list_units', { status: 'haunted' })).toMatchObject({ ok: false, error: expect.stringContaining('status must be one of') });
    expect(validateToolCall('list_vacant_units', { propertyId: '1 OR 1=1' })).toEqual({ ok: false, error: 'propertyId must be a UUID' });
    expect(validateToolCall('list_properties', '[1,2]')).toEqual({ ok: false, error: 'Arguments must be an object' });
    expect(validateToolCall('list_properties', 'not json at all')).toEqual({ ok: false, error: 'Arguments must be an object' });
  });
});
