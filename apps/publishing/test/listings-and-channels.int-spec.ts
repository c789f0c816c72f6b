import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChannelOperations, JobOperations, JobView, ListingOperations, UpdateListingMessageDto } from '@quartier/contracts-publishing';
import { rpcFailure, testCaller, waitFor } from '@quartier/testing';
import { IS24, PublishingFixture, startPublishingFixture } from './fixture';

describe('listings and channels', () => {
  let fixture: PublishingFixture;

  beforeAll(async () => {
    fixture = await startPublishingFixture();
  });
  afterAll(async () => {
    await fixture?.teardown();
  });

  it('stores channel secrets encrypted, shows only their names, and lets only owners and admins change them', async () => {
    const view = await fixture.configure('immoscout24', {}, IS24);
    expect(view).toMatchObject({ channel: 'immoscout24', configured: true, enabled: true, missing: [], secretsSet: ['accessToken', 'accessTokenSecret', 'consumerKey', 'consumerSecret'] });
    expect(JSON.stringify(view)).not.toContain(IS24.consumerSecret);

    const list = await fixture.call(ChannelOperations.list, {});
    expect(list.items.map((item) => [item.channel, item.configured])).toEqual([
      ['immoscout24', true],
      ['immowelt', false],
      ['kleinanzeigen', false],
      ['facebook', false],
      ['instagram', false],
      ['linkedin', false],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/cs-Zq83|ats-&/);

    const database = new Client({ connectionString: fixture.stack.database.url });
    await database.connect();
    const rows = await database.query("SELECT sealed_secrets, settings FROM publishing.channel_configs WHERE channel = 'immoscout24'");
    await database.end();
    expect(rows.rows[0].sealed_secrets).toMatch(/^a256gcm:/);
    for (const secret of Object.values(IS24)) expect(rows.rows[0].sealed_secrets).not.toContain(secret);

    const denied = await rpcFailure(fixture.configure('facebook', { pageId: '1' }, { pageAccessToken: 'x' }, fixture.agent));
    expect(denied.status).toBe(403);
    const unknown = await rpcFailure(fixture.configure('facebook', { pageId: '1', ftpHost: 'evil' }, {}));
    expect([unknown.status, unknown.body.errors?.map((error) => error.field)]).toEqual([422, ['settings.ftpHost']]);
    expect((await fixture.call(ChannelOperations.list, {})).items.find((item) => item.channel === 'facebook')?.configured).toBe(false);
  });

  it('builds a listing from the portfolio unit and property: area, rooms, rent, features and Energieausweis', async () => {
    const listing = await fixture.rentalListing();
    expect(listing).toMatchObject({
      status: 'draft',
      marketingType: 'rent',
      livingArea: 78.5,
      rooms: 3,
      priceCents: 145_000,
      currency: 'EUR',
      depositCents: 435_000,
      features: ['balcony', 'fitted_kitchen', 'elevator'],
      energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', heatingSource: 'district_heating', constructionYear: 1998, validUntil: '2031-05-31' },
      object: { propertyType: 'apartment_building', unitType: 'apartment', floor: 3, address: { street: 'Invalidenstraße', postalCode: '10115', city: 'Berlin' } },
      publications: [],
    });
    expect(await fixture.call(ListingOperations.get, { id: listing.id })).toEqual(listing);

    const updated = await fixture.call(ListingOperations.update, { id: listing.id, priceCents: 149_000, title: 'Neu renoviert' });
    expect([updated.priceCents, updated.title, updated.depositCents]).toEqual([149_000, 'Neu renoviert', 435_000]);
    // null clears an optional field, which the DTO's TypeScript types do not express.
    const clearing = (fields: Record<string, null>): UpdateListingMessageDto => Object.assign(new UpdateListingMessageDto(), { id: listing.id }, fields);
    const cleared = await fixture.call(ListingOperations.update, clearing({ depositCents: null }));
    expect(cleared.depositCents).toBeNull();
    const refused = await rpcFailure(fixture.call(ListingOperations.update, clearing({ title: null, images: null })));
    expect([refused.status, [...new Set(refused.body.errors?.map((error) => error.field))]]).toEqual([422, ['title', 'images']]);
    expect((await fixture.call(ListingOperations.get, { id: listing.id })).title).toBe('Neu renoviert');
    const page = await fixture.call(ListingOperations.list, { unitId: listing.unitId ?? undefined });
    expect(page.items.map((item) => item.id)).toEqual([listing.id]);
  });

  it('refuses another organization’s property (404) and a unit of another property (422)', async () => {
    const foreign = fixture.portfolio.addProperty(randomUUID());
    const missing = await rpcFailure(fixture.call(ListingOperations.create, { propertyId: foreign, marketingType: 'rent', title: 'x' }));
    expect(missing.status).toBe(404);
    const propertyId = fixture.portfolio.addProperty(fixture.organizationId);
    const unitElsewhere = fixture.portfolio.addUnit(fixture.organizationId, fixture.portfolio.addProperty(fixture.organizationId));
    const mismatch = await rpcFailure(fixture.call(ListingOperations.create, { propertyId, unitId: unitElsewhere, marketingType: 'rent', title: 'x' }));
    expect([mismatch.status, mismatch.body.errors?.[0].field]).toEqual([422, 'unitId']);
  });

  it('answers 422 listing what each channel misses before anything is queued', async () => {
    const propertyId = fixture.portfolio.addProperty(fixture.organizationId, { energyCertificate: null, livingArea: null });
    const draft = await fixture.call(ListingOperations.create, { propertyId, marketingType: 'sale', title: 'Altbau' });
    const readiness = await fixture.call(ListingOperations.readiness, { id: draft.id });
    expect(readiness.channels.find((channel) => channel.channel === 'immoscout24')).toEqual({
      channel: 'immoscout24',
      ready: false,
      missing: ['description', 'priceCents', 'commission', 'livingArea', 'rooms', 'contact', 'energyCertificate'],
    });

    const refused = await rpcFailure(fixture.call(ListingOperations.publish, { id: draft.id, channels: ['immoscout24', 'instagram'] }));
    expect([refused.status, refused.code]).toEqual([422, 'PUBLISHING_LISTING_INCOMPLETE']);
    expect(refused.body.details).toEqual({
      missing: { immoscout24: ['description', 'priceCents', 'commission', 'livingArea', 'rooms', 'contact', 'energyCertificate'], instagram: ['images.url'] },
    });
    const after = await fixture.call(ListingOperations.get, { id: draft.id });
    expect(after.publications).toEqual([]);

    const officePropertyId = fixture.portfolio.addProperty(fixture.organizationId, { type: 'office' });
    const office = await fixture.rentalListing(fixture.agent, { propertyId: officePropertyId, unitId: fixture.portfolio.addUnit(fixture.organizationId, officePropertyId, { type: 'office' }) });
    const commercial = await rpcFailure(fixture.call(ListingOperations.publish, { id: office.id, channels: ['immoscout24'] }));
    expect([commercial.status, commercial.body.errors]).toEqual([422, [{ field: 'object.residential', message: 'immoscout24 takes apartments and houses only' }]]);

    const complete = await fixture.rentalListing();
    const unconfigured = await rpcFailure(fixture.call(ListingOperations.publish, { id: complete.id, channels: ['linkedin'] }));
    expect([unconfigured.status, unconfigured.code, unconfigured.body.details]).toEqual([422, 'PUBLISHING_CHANNEL_NOT_CONFIGURED', { channels: ['linkedin'] }]);
  });

  it('keeps organizations apart (404) and residents out (403)', async () => {
    const listing = await fixture.rentalListing();
    const stranger = testCaller(randomUUID(), { roles: ['owner'] });
    for (const subject of [ListingOperations.get, ListingOperations.readiness, ListingOperations.delete]) {
      expect((await rpcFailure(fixture.call(subject, { id: listing.id }, stranger))).status).toBe(404);
    }
    expect((await rpcFailure(fixture.call(ListingOperations.publish, { id: listing.id, channels: ['immoscout24'] }, stranger))).status).toBe(404);
    expect((await fixture.call(ListingOperations.list, {}, stranger)).total).toBe(0);
    expect((await fixture.call(ChannelOperations.list, {}, stranger)).items.every((item) => !item.configured)).toBe(true);
    const resident = testCaller(fixture.organizationId, { roles: ['resident'], scopes: ['read'] });
    expect((await rpcFailure(fixture.call(ListingOperations.list, {}, resident))).status).toBe(403);
  });

  it('deletes a draft, but not a listing still on a portal (409)', async () => {
    const draft = await fixture.rentalListing();
    expect(await fixture.call(ListingOperations.delete, { id: draft.id })).toEqual({ deleted: true });
    expect((await rpcFailure(fixture.call(ListingOperations.get, { id: draft.id }))).status).toBe(404);

    const live = await fixture.rentalListing();
    const jobs = await fixture.call(ListingOperations.publish, { id: live.id, channels: ['immoscout24'] });
    await fixture.settled(jobs.items[0].id);
    const refused = await rpcFailure(fixture.call(ListingOperations.delete, { id: live.id }));
    expect([refused.status, refused.code]).toEqual([409, 'PUBLISHING_LISTING_STATE']);
  });

  it('takes over a job whose worker died mid-run and finishes it once', async () => {
    const listing = await fixture.rentalListing();
    const database = new Client({ connectionString: fixture.stack.database.url });
    await database.connect();
    // What a crash leaves behind: the job claimed an hour ago, never finished.
    await database.query(
      `INSERT INTO publishing.publications (organization_id, listing_id, channel, status) VALUES ($1, $2, 'immoscout24', 'pending')`,
      [fixture.organizationId, listing.id],
    );
    const inserted = await database.query(
      `INSERT INTO publishing.jobs (organization_id, listing_id, channel, action, status, attempts, max_attempts, started_at)
       VALUES ($1, $2, 'immoscout24', 'publish', 'running', 1, 3, now() - interval '1 hour') RETURNING id`,
      [fixture.organizationId, listing.id],
    );
    await database.end();
    const jobId: string = inserted.rows[0].id;
    let job: JobView | undefined;
    await waitFor(async () => {
      job = await fixture.call(JobOperations.get, { id: jobId });
      return job.status === 'published';
    });
    expect(job).toMatchObject({ attempts: 2, status: 'published' });
    expect([...fixture.is24.realEstates.values()].filter((estate) => estate.body.externalId === listing.id)).toHaveLength(1);
  });
});
