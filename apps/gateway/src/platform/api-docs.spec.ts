import { OpenAPIObject } from '@nestjs/swagger';
import { applyOperationPolicy } from './api-docs';

function documentWith(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 'test', version: '1' }, paths };
}

describe('applyOperationPolicy', () => {
  it('declares public operations open, and gives the others the bearer requirement with 401 and 403', () => {
    const document = documentWith({
      '/api/v1/auth/login': { post: { operationId: 'AuthController_login', responses: { '200': { description: 'ok' } } } },
      '/api/v1/avm/models': { get: { operationId: 'ValuationController_models', responses: { '200': { description: 'ok' } } } },
      '/api/v1/payments/webhooks/stripe': {
        post: { operationId: 'PaymentsController_stripe', security: [{ bearer: [] }], responses: { '400': { description: 'unsigned' } } },
      },
    });
    applyOperationPolicy(document, new Set(['AuthController_login', 'PaymentsController_stripe']));
    const login = document.paths['/api/v1/auth/login'].post;
    expect(login?.security).toEqual([]);
    expect(Object.keys(login?.responses ?? {})).toEqual(['200', '422', '429', '503']);
    const models = document.paths['/api/v1/avm/models'].get;
    expect(models?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(models?.responses ?? {})).toEqual(['200', '401', '403', '429']);
    expect(models?.responses['401']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } });
    // A public route in an authenticated controller is still public.
    expect(document.paths['/api/v1/payments/webhooks/stripe'].post?.security).toEqual([]);
  });

  it('documents the Idempotency-Key header once and references it from every mutating /api operation, not from reads or probes', () => {
    const document = documentWith({
      '/api/v1/units': {
        get: { operationId: 'UnitsController_list', responses: {} },
        post: { operationId: 'UnitsController_create', parameters: [{ name: 'x', in: 'query' }], responses: {} },
      },
      '/api/v1/units/{id}': {
        put: { operationId: 'UnitsController_replace', responses: {} },
        patch: { operationId: 'UnitsController_update', responses: {} },
        delete: { operationId: 'UnitsController_remove', responses: {} },
      },
      '/health/ping': { post: { operationId: 'HealthController_ping', responses: {} } },
    });
    applyOperationPolicy(document, new Set());
    const reference = { $ref: '#/components/parameters/IdempotencyKey' };
    const units = document.paths['/api/v1/units'];
    const unit = document.paths['/api/v1/units/{id}'];
    expect(units.post?.parameters).toEqual([{ name: 'x', in: 'query' }, reference]);
    for (const operation of [unit.put, unit.patch, unit.delete]) expect(operation?.parameters).toEqual([reference]);
    expect(Object.keys(unit.delete?.responses ?? {})).toEqual(expect.arrayContaining(['422', '503']));
    expect(units.get?.parameters).toBeUndefined();
    expect(document.paths['/health/ping'].post?.parameters).toBeUndefined();
    expect(document.components?.parameters?.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false, schema: { maxLength: 255 } });
  });

  it('keeps the responses a route documents itself and leaves the unthrottled probes without 429', () => {
    const document = documentWith({
      '/api/v1/units': { get: { operationId: 'UnitsController_list', responses: { '401': { description: 'Token expired' } } } },
      '/health': { get: { operationId: 'HealthController_health', responses: { '200': { description: 'ok' } } } },
    });
    applyOperationPolicy(document, new Set(['HealthController_health']));
    expect(document.paths['/api/v1/units'].get?.responses['401']).toEqual({ description: 'Token expired' });
    expect(Object.keys(document.paths['/health'].get?.responses ?? {})).toEqual(['200']);
  });
});
