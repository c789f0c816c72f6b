import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { CanActivate, Controller, ExecutionContext, Get, Injectable, RequestMethod, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyRequest } from 'fastify';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, IsUUID, Matches, Min } from 'class-validator';
import { Type as Transform } from 'class-transformer';
import pino from 'pino';
import { ROLES_KEY, SCOPES_KEY, scopesForRoles } from '@quartier/auth';
import { AnyOperation, Caller, CommonErrorCode, EmptyRequest, Optional, Role, defineOperation } from '@quartier/contracts-shared';
import { OperationClient, RpcError } from '@quartier/messaging';
import { ProblemFilter } from '../platform/problem.filter';
import '../platform/request-state';
import { edgeValidationPipe } from '../platform/validation';
import { AccessGuard } from '../security/access.guard';
import { RequestCaller } from '../security/caller.decorator';
import { operationController } from './operation-routes.factory';

class ShelfQueryDto {
  @ApiProperty({ required: false }) @Optional() @Transform(() => Number) @IsInt() @Min(1) size?: number;
}

class RenameShelfDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty() @IsString() name!: string;
}

class ShelfColorDto {
  @ApiProperty() @IsString() color!: string;
}

/** Only adds the path id to its base class, which is then the body. */
class PaintShelfDto extends ShelfColorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

class BookOnShelfDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() bookId!: string;
}

class ShelfCodeDto {
  @ApiProperty({ example: 'KRI' }) @Matches(/^[A-Z]{3}$/, { message: 'code must be three capital letters' }) code!: string;
}

class ShelfView {
  @ApiProperty() name!: string;
}

const Shelves = {
  list: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.list',
    request: ShelfQueryDto,
    response: ShelfView,
    http: { method: 'GET', path: '/shelves', status: 200, tags: ['library'], summary: 'Shelves' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  rename: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.rename',
    request: RenameShelfDto,
    response: ShelfView,
    http: { method: 'PUT', path: '/shelves/:id/name', status: 200, tags: ['library'], summary: 'Rename a shelf' },
    access: { scopes: ['write'], roles: ['owner', 'admin'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { SHELF_LOCKED: 409, [CommonErrorCode.NOT_FOUND]: 404 },
  }),
  clear: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.clear',
    request: EmptyRequest,
    response: ShelfView,
    http: { method: 'POST', path: '/shelves/clear', status: 204, tags: ['library'], summary: 'Clear every shelf' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'none',
    errors: {},
  }),
  paint: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.paint',
    request: PaintShelfDto,
    response: ShelfView,
    http: { method: 'PATCH', path: '/shelves/:id/color', status: 202, tags: ['library'], summary: 'Paint a shelf (the painters come later)' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404 },
  }),
  removeBook: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.remove-book',
    request: BookOnShelfDto,
    response: ShelfView,
    http: { method: 'DELETE', path: '/shelves/:id/books/:bookId', status: 204, tags: ['library'], summary: 'Take a book off a shelf' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404 },
  }),
  byCode: defineOperation({
    service: 'library',
    subject: 'library.v1.shelves.by-code',
    request: ShelfCodeDto,
    response: ShelfView,
    http: { method: 'GET', path: '/shelves/by-code/:code', status: 200, tags: ['library'], summary: 'A shelf by its code' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404 },
  }),
  opening: defineOperation({
    service: 'library',
    subject: 'library.v1.opening-hours',
    request: EmptyRequest,
    response: ShelfView,
    http: { method: 'GET', path: '/opening-hours', status: 200, tags: ['library', 'public'], summary: 'When the library is open' },
    access: 'public',
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
};

/** Records what would reach the bus and answers with what a test sets. */
class FakeOperationClient {
  readonly sent: { subject: string; payload: object; caller: Caller }[] = [];
  answer: (operation: AnyOperation) => unknown = () => ({ name: 'A' });

  async send(operation: AnyOperation, payload: object, caller: Caller): Promise<unknown> {
    this.sent.push({ subject: operation.subject, payload, caller });
    return this.answer(operation);
  }
}

/** Stands in for the gateway's authentication hook (it runs before AccessGuard): the role comes from a test header. */
@Injectable()
class TestPrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const role = request.headers['x-test-role'] as Role | undefined;
    request.requestId = 'req-1';
    if (role) request.principal = { userId: 'u-1', organizationId: 'o-1', roles: [role], scopes: scopesForRoles([role]), via: 'jwt' };
    return true;
  }
}

/** Generated routes and a hand-written one (as an upload would be) in one controller, calling through its client. */
@Controller()
class ShelvesController extends operationController('ShelvesController', Shelves) {
  @Get('shelves/count')
  async count(@RequestCaller() caller: Caller): Promise<{ count: number }> {
    await this.client.send(Shelves.list, {}, caller);
    return { count: 1 };
  }
}

function routeMetadata(controller: Type<unknown>, route: string): { path: string; method: RequestMethod; status: number; scopes: string[]; roles?: string[] } {
  const handler: unknown = Reflect.get(controller.prototype, route);
  if (typeof handler !== 'function') throw new Error(`${route} is not a route`);
  return {
    path: Reflect.getMetadata(PATH_METADATA, handler),
    method: Reflect.getMetadata(METHOD_METADATA, handler),
    status: Reflect.getMetadata(HTTP_CODE_METADATA, handler),
    scopes: Reflect.getMetadata(SCOPES_KEY, handler),
    roles: Reflect.getMetadata(ROLES_KEY, handler),
  };
}

describe('operation routes factory', () => {
  let app: NestFastifyApplication;
  const client = new FakeOperationClient();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [ShelvesController],
      providers: [
        { provide: OperationClient, useValue: client },
        { provide: APP_GUARD, useClass: TestPrincipalGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(pino({ level: 'silent' })) },
        { provide: APP_PIPE, useFactory: edgeValidationPipe },
      ],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE', url: string, role?: Role, payload?: object, headers: Record<string, string> = {}) =>
    app.inject({ method, url, payload, headers: { ...(role ? { 'x-test-role': role } : {}), ...headers } });

  it('declares each route with its method, path, success status and access requirement', () => {
    expect(routeMetadata(ShelvesController, 'list')).toEqual({ path: 'shelves', method: RequestMethod.GET, status: 200, scopes: ['read'], roles: undefined });
    expect(routeMetadata(ShelvesController, 'rename')).toEqual({ path: 'shelves/:id/name', method: RequestMethod.PUT, status: 200, scopes: ['write'], roles: ['owner', 'admin'] });
    expect(routeMetadata(ShelvesController, 'clear')).toMatchObject({ path: 'shelves/clear', method: RequestMethod.POST, status: 204, scopes: ['delete'] });
    expect(routeMetadata(ShelvesController, 'byCode')).toMatchObject({ path: 'shelves/by-code/:code', method: RequestMethod.GET, status: 200 });
    expect(ShelvesController.name).toBe('ShelvesController');
  });

  it('serves a public operation without a principal, as an anonymous caller', async () => {
    const open = await call('GET', '/opening-hours');
    expect([open.statusCode, open.json()]).toEqual([200, { name: 'A' }]);
    expect(client.sent.at(-1)).toMatchObject({ subject: 'library.v1.opening-hours', payload: {} });
    expect(client.sent.at(-1)?.caller.userId).toBeUndefined();
  });

  it('validates a path parameter that is not a UUID with its field’s own rules', async () => {
    expect((await call('GET', '/shelves/by-code/KRI', 'viewer')).statusCode).toBe(200);
    expect(client.sent.at(-1)?.payload).toEqual({ code: 'KRI' });
    const before = client.sent.length;
    const bad = await call('GET', '/shelves/by-code/kri', 'viewer');
    expect([bad.statusCode, bad.json().errors]).toEqual([422, [{ field: 'code', message: 'code must be three capital letters' }]]);
    expect(client.sent.length).toBe(before);
  });

  it('keeps a hand-written route of a subclass beside the generated ones, on the same client', async () => {
    const counted = await call('GET', '/shelves/count', 'viewer');
    expect([counted.statusCode, counted.json()]).toEqual([200, { count: 1 }]);
    expect(client.sent.at(-1)).toMatchObject({ subject: 'library.v1.shelves.list', caller: { organizationId: 'o-1' } });
  });

  it('forwards the validated query, path ids, body and caller, and answers with the declared status', async () => {
    const list = await call('GET', '/shelves?size=5', 'viewer');
    expect([list.statusCode, list.json()]).toEqual([200, { name: 'A' }]);
    expect(client.sent.at(-1)).toMatchObject({ subject: 'library.v1.shelves.list', payload: { size: 5 }, caller: { organizationId: 'o-1', roles: ['viewer'] } });

    const id = '6f1c1f8e-4f6b-4c1e-9f5e-2b7d3c9a1e10';
    expect((await call('PUT', `/shelves/${id}/name`, 'admin', { name: 'Krimis' })).statusCode).toBe(200);
    expect(client.sent.at(-1)?.payload).toEqual({ name: 'Krimis', id });
    expect((await call('PATCH', `/shelves/${id}/color`, 'manager', { color: 'red' })).statusCode).toBe(202);
    expect(client.sent.at(-1)?.payload).toEqual({ color: 'red', id });
    expect((await call('PATCH', `/shelves/${id}/color`, 'manager', { color: 'red', id })).statusCode).toBe(422);
    const bookId = '0b9e1f3c-5d2a-4e8b-9c7f-1a2b3c4d5e6f';
    expect((await call('DELETE', `/shelves/${id}/books/${bookId}`, 'owner')).statusCode).toBe(204);
    expect(client.sent.at(-1)?.payload).toEqual({ id, bookId });

    const cleared = await call('POST', '/shelves/clear', 'owner', undefined, { 'idempotency-key': 'k-1' });
    expect([cleared.statusCode, cleared.body]).toEqual([204, '']);
    expect(client.sent.at(-1)).toMatchObject({ payload: {}, caller: { idempotencyKey: 'k-1' } });
  });

  it('forwards the Idempotency-Key of a mutating request with the caller, refuses a malformed one and ignores it on reads', async () => {
    const before = client.sent.length;
    const tooLong = await call('POST', '/shelves/clear', 'owner', undefined, { 'idempotency-key': 'k'.repeat(256) });
    const withSpace = await call('POST', '/shelves/clear', 'owner', undefined, { 'idempotency-key': 'two words' });
    for (const refused of [tooLong, withSpace]) {
      expect([refused.statusCode, refused.json().code, refused.json().errors[0].field]).toEqual([422, 'VALIDATION_FAILED', 'Idempotency-Key']);
    }
    expect(client.sent.length).toBe(before);
    expect((await call('GET', '/shelves', 'viewer', undefined, { 'idempotency-key': 'two words' })).statusCode).toBe(200);
    expect(client.sent.at(-1)?.caller.idempotencyKey).toBeUndefined();
  });

  it('enforces the access requirement and validates at the edge before anything is sent', async () => {
    const before = client.sent.length;
    expect((await call('GET', '/shelves')).statusCode).toBe(401);
    expect((await call('PUT', '/shelves/6f1c1f8e-4f6b-4c1e-9f5e-2b7d3c9a1e10/name', 'manager', { name: 'x' })).statusCode).toBe(403);
    expect((await call('POST', '/shelves/clear', 'agent')).statusCode).toBe(403);
    const badId = await call('PUT', '/shelves/not-a-uuid/name', 'owner', { name: 'x' });
    expect([badId.statusCode, badId.json().errors]).toEqual([422, [{ field: 'id', message: 'id must be a UUID' }]]);
    const badQuery = await call('GET', '/shelves?size=0&color=red', 'viewer');
    expect(badQuery.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['color', 'size']);
    expect(client.sent.length).toBe(before);
  });

  it('answers a declared error with its status as a problem', async () => {
    client.answer = () => {
      throw new RpcError({ status: 409, code: 'SHELF_LOCKED', message: 'The shelf is locked' });
    };
    const locked = await call('PUT', '/shelves/6f1c1f8e-4f6b-4c1e-9f5e-2b7d3c9a1e10/name', 'owner', { name: 'x' });
    expect(locked.statusCode).toBe(409);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(locked.json()).toMatchObject({ status: 409, code: 'SHELF_LOCKED', detail: 'The shelf is locked' });
  });

  it('documents every route with its schemas, access and problem responses', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const rename = document.paths['/shelves/{id}/name'].put;
    expect(rename?.operationId).toBe('ShelvesController_rename');
    expect(rename?.tags).toEqual(['library']);
    expect(rename?.security).toEqual([{ bearer: [] }]);
    expect(rename?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(rename?.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: expect.stringMatching(/RenameShelfDto/) } } } });
    const paint = document.paths['/shelves/{id}/color'].patch;
    expect(paint?.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ShelfColorDto' } } } });
    expect(paint?.responses['202']).toBeDefined();
    expect(paint?.responses['200']).toBeUndefined();
    expect(Object.keys(rename?.responses ?? {})).toEqual(['200', '401', '403', '404', '409', '429', '503', '504']);
    expect(rename).toMatchObject({ 'x-quartier-access': { scopes: ['write'], roles: ['owner', 'admin'] } });
    const list = document.paths['/shelves'].get;
    expect(list?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : parameter.$ref))).toEqual(['size']);
    expect(Object.keys(list?.responses ?? {})).toContain('422');
    const clear = document.paths['/shelves/clear'].post;
    expect(clear?.requestBody).toBeUndefined();
    expect(clear?.responses['204']).toBeDefined();
    const removeBook = document.paths['/shelves/{id}/books/{bookId}'].delete;
    expect(removeBook?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : parameter.$ref))).toEqual(['id', 'bookId']);
    const byCode = document.paths['/shelves/by-code/{code}'].get;
    expect(byCode?.parameters).toEqual([expect.objectContaining({ name: 'code', in: 'path', required: true })]);
    const opening = document.paths['/opening-hours'].get;
    expect(opening?.operationId).toBe('ShelvesController_opening');
    expect(opening?.tags).toEqual(['library', 'public']);
    expect(opening?.security).toBeUndefined();
    expect(opening).toMatchObject({ 'x-quartier-access': { public: true } });
    expect(document.paths['/shelves/count'].get?.operationId).toBe('ShelvesController_count');
  });

  it('refuses two routes on one method and path', () => {
    expect(() => operationController('Twice', { a: Shelves.list, b: Shelves.list })).toThrow('GET /shelves is served by both a and b');
  });
});
