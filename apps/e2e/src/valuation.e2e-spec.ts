import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { sharedDataPath } from '@quartier/testing';
import { E2eSuite, startE2eSuite } from './support/suite';
import { Session, bearer, propertyBody, registerOrganization } from './support/session';

const REPO_ROOT = resolve(__dirname, '../../..');
const SALES_CSV = sharedDataPath('datasets/king-county-sales/sales-2014-05-to-2015-01.csv');
const seattleHouse = { livingArea: 150, lotArea: 400, bedrooms: 3, bathrooms: 2, floors: 2, yearBuilt: 1995, condition: 3, qualityGrade: 8 };

/**
 * The AVM as an operator and an agent use it: market data imported with the operator CLI, models
 * refitted by a platform operator over HTTP (never by an organization's owner), valuations by attributes and of a portfolio property, all through
 * the gateway with identity, portfolio and valuation as separate processes.
 */
describe('valuation end to end', () => {
  let suite: E2eSuite;
  let api: () => request.Agent;
  let owner: Session;
  let other: Session;
  let platformOperator: Session;
  const operatorEmail = `ops-${randomUUID()}@example.de`;

  beforeAll(async () => {
    suite = await startE2eSuite({ PLATFORM_OPERATORS: `someone-else@example.de, ${operatorEmail.toUpperCase()}` }, ['identity', 'portfolio', 'valuation', 'gateway']);
    api = () => request.agent(suite.baseUrl);
    owner = await registerOrganization(suite.baseUrl, 'Makler Seattle');
    other = await registerOrganization(suite.baseUrl, 'Andere Makler');
    platformOperator = await registerOrganization(suite.baseUrl, 'Plattformbetrieb', operatorEmail);
  });

  afterAll(() => suite?.stop());

  it('imports market data with the operator CLI, once, and refits the models', async () => {
    const run = () =>
      promisify(execFile)('node', ['-r', '@swc-node/register', 'apps/valuation/src/import.ts', SALES_CSV], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: suite.databaseUrl, LOG_LEVEL: 'warn' },
      });
    expect((await run()).stdout).toContain('15611 sales read, 15611 inserted, 0 already imported');
    expect((await run()).stdout).toContain('0 inserted, 15611 already imported');

    // The models value every organization's properties: an owner may not refit them, the installation's operator may.
    const refused = await api().post('/avm/models/refit').set(bearer(other)).expect(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await api().post('/avm/models/refit').set(bearer(platformOperator)).expect(200);
    const models = await api().get('/avm/models').set(bearer(owner)).expect(200);
    expect(JSON.stringify(models.body)).toContain('USD');
  });

  it('values a house from its attributes and keeps the valuation for its organization only', async () => {
    const valuation = await api()
      .post('/avm/valuate')
      .set(bearer(owner))
      .send({ ...seattleHouse, coordinates: { lat: 47.6965, lng: -122.342 }, postalCode: '98103', valuationDate: '2015-02-01' })
      .expect(201);
    expect(valuation.body).toMatchObject({ currency: 'USD', rangeCoverage: 0.8 });
    expect(valuation.body.lowCents).toBeLessThan(valuation.body.estimateCents);
    expect(valuation.body.highCents).toBeGreaterThan(valuation.body.estimateCents);
    expect(valuation.body.comparables.length).toBeGreaterThan(0);

    expect((await api().get(`/avm/valuations/${valuation.body.id}`).set(bearer(owner)).expect(200)).body.estimateCents).toBe(valuation.body.estimateCents);
    await api().get(`/avm/valuations/${valuation.body.id}`).set(bearer(other)).expect(404);
    expect((await api().get('/avm/valuations').set(bearer(other)).expect(200)).body.total).toBe(0);
  });

  it('values a portfolio property by id, and says so when it lies outside the market data', async () => {
    const berlin = await api().post('/properties').set(bearer(owner)).send(propertyBody({ coordinates: { lat: 52.54, lng: 13.41 } })).expect(201);
    const outside = await api().post('/avm/valuate').set(bearer(owner)).send({ propertyId: berlin.body.id, ...seattleHouse }).expect(422);
    expect(outside.body.code).toBe('VALUATION_NO_MARKET_DATA');

    const seattle = await api().post('/properties').set(bearer(owner)).send(propertyBody({ coordinates: { lat: 47.6965, lng: -122.342 } })).expect(201);
    const valued = await api().post('/avm/valuate').set(bearer(owner)).send({ propertyId: seattle.body.id, ...seattleHouse, postalCode: '98103' }).expect(201);
    expect(valued.body.propertyId).toBe(seattle.body.id);
    await api().post('/avm/valuate').set(bearer(other)).send({ propertyId: seattle.body.id }).expect(404);
    expect((await api().get(`/avm/valuations?propertyId=${seattle.body.id}`).set(bearer(owner)).expect(200)).body.total).toBe(1);
  });

  it('documents the AVM routes in the OpenAPI document', async () => {
    const docs = await request(suite.baseUrl.replace(/\/api\/v1$/, '')).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/avm/valuate', '/api/v1/avm/valuations', '/api/v1/avm/market-data']));
  });
});
