import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { LeaseEvent } from '@quartier/contracts-leasing';
import { PortfolioEvent } from '@quartier/contracts-portfolio';
import { Channel, FeedOperations, JobOperations, ListingOperations, PublishingEvent } from '@quartier/contracts-publishing';
import { rpcFailure, waitFor } from '@quartier/testing';
import { FTP, GRAPH, IS24, LINKEDIN, PublishingFixture, SFTP, startPublishingFixture } from './fixture';
import { publishDomainEvent } from './helpers';
import { openImmoErrors } from './openimmo-schema';

describe('publishing to portals', () => {
  let fixture: PublishingFixture;

  beforeAll(async () => {
    fixture = await startPublishingFixture();
    await fixture.configure('immoscout24', {}, IS24);
  });
  afterAll(async () => {
    await fixture?.teardown();
  });

  const publish = (id: string, channels: Channel[]) => fixture.call(ListingOperations.publish, { id, channels });
  const unpublish = (id: string, channels?: Channel[]) => fixture.call(ListingOperations.unpublish, { id, channels });
  const get = (id: string) => fixture.call(ListingOperations.get, { id });

  describe('ImmoScout24', () => {
    it('creates the real estate with signed requests, publishes it to channel 10000 and records id, URL and the event', async () => {
      const listing = await fixture.rentalListing();
      const jobs = await publish(listing.id, ['immoscout24']);
      expect(jobs.items).toMatchObject([{ channel: 'immoscout24', action: 'publish', status: 'pending', attempts: 0, maxAttempts: 3 }]);
      const job = await fixture.settled(jobs.items[0].id);
      expect(job).toMatchObject({ status: 'published', attempts: 1, lastError: null });

      const estate = fixture.is24.realEstates.get(job.externalId as string);
      expect(estate?.type).toBe('realestates.apartmentRent');
      expect(estate?.body).toMatchObject({ externalId: listing.id, baseRent: 1450, serviceCharge: 220, deposit: '4350', livingSpace: 78.5, numberOfRooms: 3, thermalCharacteristic: 92.4 });
      expect(fixture.is24.published.has(job.externalId as string)).toBe(true);
      expect(job.url).toBe(`https://www.immobilienscout24.de/expose/${job.externalId}`);

      const after = await get(listing.id);
      expect(after.status).toBe('published');
      expect(after.publications).toMatchObject([{ channel: 'immoscout24', status: 'published', externalId: job.externalId, url: job.url }]);
      await waitFor(() => fixture.events.events.some((event) => event.payload.jobId === job.id));
      expect(fixture.events.events.find((event) => event.payload.jobId === job.id)).toMatchObject({
        type: PublishingEvent.PUBLISHED,
        organizationId: fixture.organizationId,
        payload: { listingId: listing.id, channel: 'immoscout24', externalId: job.externalId },
      });

      // An edit of a published listing goes to the portal by itself, updating the same real estate.
      await fixture.call(ListingOperations.update, { id: listing.id, priceCents: 139_000 });
      const publishJobs = await fixture.call(JobOperations.list, { listingId: listing.id, action: 'publish' });
      expect(publishJobs.total).toBe(2);
      const again = await fixture.settled(publishJobs.items[0].id);
      expect(again.externalId).toBe(job.externalId);
      expect(fixture.is24.realEstates.get(job.externalId as string)?.body.baseRent).toBe(1390);
      expect([...fixture.is24.realEstates.values()].filter((estate) => estate.body.externalId === listing.id)).toHaveLength(1);

      const emptied = await rpcFailure(fixture.call(ListingOperations.update, { id: listing.id, description: '', priceCents: 1 }));
      expect([emptied.status, emptied.code, emptied.body.details]).toEqual([422, 'PUBLISHING_LISTING_INCOMPLETE', { missing: { immoscout24: ['description'] } }]);
      expect((await get(listing.id)).priceCents).toBe(139_000);

      const withdrawn = await fixture.settled((await unpublish(listing.id)).items[0].id);
      expect(withdrawn).toMatchObject({ action: 'unpublish', status: 'withdrawn' });
      expect(fixture.is24.realEstates.has(job.externalId as string)).toBe(false);
      expect((await get(listing.id)).publications[0]).toMatchObject({ status: 'withdrawn', url: null });
    });

    it('uploads the document pictures as attachments, title picture first, and replaces them on update', async () => {
      const living = Buffer.from('\xff\xd8\xff\xe0 living room', 'latin1');
      const kitchen = Buffer.from('\x89PNG kitchen', 'latin1');
      const livingId = fixture.portfolio.addDocument(fixture.organizationId, 'wohnzimmer.jpg', 'image/jpeg', living);
      const kitchenId = fixture.portfolio.addDocument(fixture.organizationId, 'kueche.png', 'image/png', kitchen);
      const listing = await fixture.rentalListing(fixture.agent, {
        images: [{ documentId: livingId, title: 'Wohnzimmer' }, { url: 'https://cdn.example.de/grundriss.jpg' }, { documentId: kitchenId, title: 'Küche' }],
      });
      const job = await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      expect(job.status).toBe('published');
      const uploaded = fixture.is24.realEstates.get(job.externalId as string)?.attachments ?? [];
      expect(uploaded.map((attachment) => [attachment.fileName, attachment.contentType, attachment.metadata.title, attachment.metadata.titlePicture])).toEqual([
        ['wohnzimmer.jpg', 'image/jpeg', 'Wohnzimmer', true],
        ['kueche.png', 'image/png', 'Küche', false],
      ]);
      expect(uploaded[0].bytes.equals(living)).toBe(true);

      await fixture.call(ListingOperations.update, { id: listing.id, images: [{ documentId: kitchenId, title: 'Küche' }] });
      await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      const replaced = fixture.is24.realEstates.get(job.externalId as string)?.attachments ?? [];
      expect(replaced.map((attachment) => [attachment.fileName, attachment.metadata.titlePicture])).toEqual([['kueche.png', true]]);
    });

    it('answers a double click with the same open job', async () => {
      const listing = await fixture.rentalListing();
      const [first, second] = await Promise.all([publish(listing.id, ['immoscout24']), publish(listing.id, ['immoscout24'])]);
      expect(second.items[0].id).toBe(first.items[0].id);
      await fixture.settled(first.items[0].id);
      expect([...fixture.is24.realEstates.values()].filter((estate) => estate.body.externalId === listing.id)).toHaveLength(1);
    });

    it('retries a portal outage with backoff', async () => {
      const listing = await fixture.rentalListing();
      fixture.is24.failNext({ status: 503, code: 'ERROR_COMMON_SERVICE_UNAVAILABLE', message: 'Maintenance' }, { status: 429, code: 'ERROR_QUOTA', message: 'Too many requests' });
      const job = await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      expect(job).toMatchObject({ status: 'published', attempts: 3, lastError: null });
      expect(fixture.is24.published.has(job.externalId as string)).toBe(true);
    });

    it('finds the real estate a create with a lost answer made, instead of creating it twice', async () => {
      const listing = await fixture.rentalListing();
      fixture.is24.loseAnswerOf('POST /user/me/realestate');
      const job = await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      expect(job).toMatchObject({ status: 'published', attempts: 2 });
      expect([...fixture.is24.realEstates.values()].filter((estate) => estate.body.externalId === listing.id).map((estate) => estate.id)).toEqual([job.externalId]);
    });

    it('fails at once with the portal’s message when it refuses the content, and after the last attempt on outages', async () => {
      const refusedListing = await fixture.rentalListing();
      fixture.is24.failNext({ status: 400, code: 'ERROR_REQUEST_VALIDATION', message: 'The field postcode is invalid' });
      const refused = await fixture.settled((await publish(refusedListing.id, ['immoscout24'])).items[0].id);
      expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastError: 'ImmoScout24: ERROR_REQUEST_VALIDATION: The field postcode is invalid' });
      expect((await get(refusedListing.id)).publications[0]).toMatchObject({ status: 'failed', lastError: refused.lastError });
      await waitFor(() => fixture.events.events.some((event) => event.type === PublishingEvent.FAILED && event.payload.jobId === refused.id));

      const outageListing = await fixture.rentalListing();
      const outage = { status: 502, code: 'ERROR_COMMON_BAD_GATEWAY', message: 'upstream down' };
      fixture.is24.failNext(outage, outage, outage);
      const dead = await fixture.settled((await publish(outageListing.id, ['immoscout24'])).items[0].id);
      expect(dead).toMatchObject({ status: 'failed', attempts: 3, lastError: 'ImmoScout24: ERROR_COMMON_BAD_GATEWAY: upstream down' });

      const failed = await fixture.call(JobOperations.list, { status: 'failed', channel: 'immoscout24' });
      expect(failed.items.map((item) => item.id)).toEqual(expect.arrayContaining([refused.id, dead.id]));
      expect(failed.items.every((item) => item.status === 'failed')).toBe(true);
      expect((await fixture.call(JobOperations.list, { listingId: refusedListing.id })).items.map((item) => item.id)).toEqual([refused.id]);
    });

    it('fails for good with wrong credentials: the signature check of the portal answers 401', async () => {
      await fixture.configure('immoscout24', {}, { consumerSecret: 'wrong' });
      const listing = await fixture.rentalListing();
      const job = await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      expect(job).toMatchObject({ status: 'failed', attempts: 1, lastError: 'ImmoScout24: ERROR_COMMON_ACCESS_DENIED: OAuth signature invalid' });
      expect(job.lastError).not.toContain('wrong');
      await fixture.configure('immoscout24', {}, IS24);
    });
  });

  describe('OpenImmo feeds', () => {
    beforeAll(async () => {
      await fixture.configure('immowelt', { ftpUsername: FTP.username, providerId: 'IW-4711', companyName: 'Becker Immobilien GmbH' }, { ftpPassword: FTP.password });
    });

    const zips = async () => {
      const files = [...fixture.immoweltFtp.files('import').entries()].sort(([a], [b]) => a.localeCompare(b));
      return Promise.all(files.map(async ([name, bytes]) => ({ name, zip: await JSZip.loadAsync(bytes) })));
    };
    const xmlOf = async (zip: JSZip) => (await zip.file(/\.xml$/)[0].async('string')) as string;

    it('uploads a ZIP with a valid delta feed (aktion add) and the document pictures, then a delete when withdrawn', async () => {
      const photo = Buffer.from('\xff\xd8\xff\xe0 a tiny jpeg', 'latin1');
      const documentId = fixture.portfolio.addDocument(fixture.organizationId, 'Küche.JPG', 'image/jpeg', photo);
      const listing = await fixture.rentalListing(fixture.agent, { images: [{ documentId, title: 'Küche' }, { url: 'https://cdn.example.de/bad.jpg' }] });
      const job = await fixture.settled((await publish(listing.id, ['immowelt'])).items[0].id);
      expect(job).toMatchObject({ status: 'published', externalId: listing.id });

      const [first] = await zips();
      expect(first.name).toMatch(/^IW-4711_\d{17}-[0-9a-f]{4}\.zip$/);
      expect((await first.zip.file(`${listing.id}_1.jpg`)?.async('nodebuffer'))?.equals(photo)).toBe(true);
      const xml = await xmlOf(first.zip);
      expect(xml).toContain('umfang="TEIL"');
      expect(xml).toContain(`<objektnr_extern>${listing.id}</objektnr_extern>`);
      expect(xml).toContain('<aktion/>');
      expect(xml).toContain('<anhang location="EXTERN" gruppe="TITELBILD">');
      expect(xml).toContain('<pfad>https://cdn.example.de/bad.jpg</pfad>');
      expect(await openImmoErrors(xml)).toEqual([]);

      await fixture.settled((await unpublish(listing.id, ['immowelt'])).items[0].id);
      const all = await zips();
      expect(all).toHaveLength(2);
      const deletion = await xmlOf(all[1].zip);
      expect(deletion).toContain('<aktion aktionart="DELETE"/>');
      expect(await openImmoErrors(deletion)).toEqual([]);
    });

    it('sends a change for a listing the portal already has, and serves the full feed for download', async () => {
      const listing = await fixture.rentalListing();
      await fixture.settled((await publish(listing.id, ['immowelt'])).items[0].id);
      await fixture.call(ListingOperations.update, { id: listing.id, description: 'Jetzt mit neuem Bad.' });
      await fixture.settled((await publish(listing.id, ['immowelt'])).items[0].id);
      const latest = (await zips()).at(-1) as { zip: JSZip };
      const change = await xmlOf(latest.zip);
      expect(change).toContain('<aktion aktionart="CHANGE"/>');
      expect(change).toContain('Jetzt mit neuem Bad.');

      const feed = await fixture.call(FeedOperations.get, { channel: 'immowelt' });
      expect(feed.filename).toBe('openimmo-immowelt-full.xml');
      expect(feed.content).toContain('umfang="VOLL"');
      expect(feed.content).toContain(`<objektnr_extern>${listing.id}</objektnr_extern>`);
      expect(await openImmoErrors(feed.content)).toEqual([]);
      const delta = await fixture.call(FeedOperations.get, { channel: 'immowelt', mode: 'delta' });
      expect(delta.content).not.toContain('<immobilie>');
    });

    it('uploads the full feed on request: every published listing, none withdrawn, umfang VOLL', async () => {
      const kept = await fixture.rentalListing();
      await fixture.settled((await publish(kept.id, ['immowelt'])).items[0].id);
      const before = (await zips()).length;
      const delivery = await fixture.call(FeedOperations.deliver, { channel: 'immowelt' });
      const all = await zips();
      expect(all).toHaveLength(before + 1);
      const full = all.find((entry) => entry.name === delivery.filename) as { zip: JSZip };
      const xml = await xmlOf(full.zip);
      expect(xml).toContain('umfang="VOLL"');
      expect(xml).toContain(`<objektnr_extern>${kept.id}</objektnr_extern>`);
      expect(delivery.listings).toBe((xml.match(/<immobilie>/g) ?? []).length);
      const withdrawn = (await fixture.call(ListingOperations.list, { size: 100 })).items.filter((item) =>
        item.publications.some((publication) => publication.channel === 'immowelt' && publication.status === 'withdrawn'),
      );
      expect(withdrawn.length).toBeGreaterThan(0);
      for (const item of withdrawn) expect(xml).not.toContain(`<objektnr_extern>${item.id}</objektnr_extern>`);
      expect(await openImmoErrors(xml)).toEqual([]);
    });

    it('sends no deletion for a listing the portal never received', async () => {
      await fixture.configure('immowelt', {}, { ftpPassword: 'wrong-password' });
      const listing = await fixture.rentalListing();
      const failed = await fixture.settled((await publish(listing.id, ['immowelt'])).items[0].id);
      expect(failed.status).toBe('failed');
      await fixture.configure('immowelt', {}, { ftpPassword: FTP.password });
      const before = (await zips()).length;
      const withdrawn = await fixture.settled((await unpublish(listing.id, ['immowelt'])).items[0].id);
      expect(withdrawn).toMatchObject({ status: 'withdrawn', externalId: null });
      expect(await zips()).toHaveLength(before);
      const delta = await fixture.call(FeedOperations.get, { channel: 'immowelt', mode: 'delta' });
      expect(delta.content).not.toContain(listing.id);
    });

    it('fails the job at once when the FTP login is refused, with the server’s reply', async () => {
      await fixture.configure('immowelt', {}, { ftpPassword: 'wrong-password' });
      const listing = await fixture.rentalListing();
      const job = await fixture.settled((await publish(listing.id, ['immowelt'])).items[0].id);
      expect(job.status).toBe('failed');
      expect(job.attempts).toBe(1);
      expect(job.lastError).toMatch(/^Immowelt FTP: 530/);
      expect(job.lastError).not.toContain('wrong-password');
      const refused = await rpcFailure(fixture.call(FeedOperations.deliver, { channel: 'immowelt' }));
      expect([refused.status, refused.code]).toEqual([502, 'PUBLISHING_PORTAL_FAILED']);
      await fixture.configure('immowelt', {}, { ftpPassword: FTP.password });
    });

    it('refuses the feed of a portal that is not configured (422)', async () => {
      const failure = await rpcFailure(fixture.call(FeedOperations.get, { channel: 'kleinanzeigen' }));
      expect([failure.status, failure.code]).toEqual([422, 'PUBLISHING_CHANNEL_NOT_CONFIGURED']);
    });

    it('delivers Kleinanzeigen over SFTP to the pinned host', async () => {
      await fixture.configure('kleinanzeigen', { ftpUsername: SFTP.username, providerId: 'KA-1', companyName: 'Becker Immobilien GmbH' }, { ftpPassword: SFTP.password });
      const listing = await fixture.rentalListing();
      const job = await fixture.settled((await publish(listing.id, ['kleinanzeigen'])).items[0].id);
      expect(job).toMatchObject({ status: 'published', externalId: listing.id });
      const uploaded = [...fixture.kleinanzeigenSftp.files.entries()].filter(([path]) => /^\/openimmo\/KA-1_\d{17}-[0-9a-f]{4}\.zip$/.test(path));
      expect(uploaded).toHaveLength(1);
      const xml = (await (await JSZip.loadAsync(uploaded[0][1])).file(/\.xml$/)[0].async('string')) as string;
      expect(xml).toContain('<anbieternr>KA-1</anbieternr>');
      expect(xml).toContain(`<objektnr_extern>${listing.id}</objektnr_extern>`);
      expect(await openImmoErrors(xml)).toEqual([]);
    });
  });

  describe('social media', () => {
    beforeAll(async () => {
      await fixture.configure('facebook', { pageId: GRAPH.pageId }, { pageAccessToken: GRAPH.pageAccessToken });
      await fixture.configure('instagram', { igUserId: GRAPH.igUserId }, { accessToken: GRAPH.igAccessToken });
      await fixture.configure('linkedin', { organizationId: LINKEDIN.organizationId }, { accessToken: LINKEDIN.accessToken });
    });

    it('posts to the Facebook page, Instagram (container + publish) and the LinkedIn page with the Energieausweis line', async () => {
      const listing = await fixture.rentalListing();
      const jobs = await publish(listing.id, ['facebook', 'instagram', 'linkedin']);
      const [facebook, instagram, linkedin] = await Promise.all(jobs.items.map((job) => fixture.settled(job.id)));
      expect([facebook.status, instagram.status, linkedin.status]).toEqual(['published', 'published', 'published']);

      const post = fixture.graph.posts.get(facebook.externalId as string);
      expect(post?.url).toBe('https://cdn.example.de/objekte/42/wohnzimmer.jpg');
      expect(post?.caption).toContain('Energieausweis: Verbrauchsausweis, 92,4 kWh/(m²·a), Klasse C, Fernwärme, Baujahr 1998');
      expect(facebook.url).toBe(`https://www.facebook.com/${facebook.externalId}`);

      expect(fixture.graph.media.get(instagram.externalId as string)).toMatchObject({ image_url: 'https://cdn.example.de/objekte/42/wohnzimmer.jpg' });
      expect(instagram.url).toBe(`https://www.instagram.com/p/Q${instagram.externalId}/`);

      const share = fixture.linkedin.posts.get(linkedin.externalId as string);
      expect(share).toMatchObject({ author: `urn:li:organization:${LINKEDIN.organizationId}`, visibility: 'PUBLIC', lifecycleState: 'PUBLISHED' });
      expect(String(share?.commentary)).toContain('1.450 € kalt');
      expect(linkedin.url).toBe(`https://www.linkedin.com/feed/update/${linkedin.externalId}`);

      await Promise.all((await unpublish(listing.id, ['facebook', 'linkedin'])).items.map((job) => fixture.settled(job.id)));
      expect(fixture.graph.posts.has(facebook.externalId as string)).toBe(false);
      expect(fixture.linkedin.posts.has(linkedin.externalId as string)).toBe(false);
    });

    it('uploads a document title picture to the Facebook page and LinkedIn (Images API)', async () => {
      const photo = Buffer.from('\xff\xd8\xff\xe0 balcony', 'latin1');
      const documentId = fixture.portfolio.addDocument(fixture.organizationId, 'balkon.jpg', 'image/jpeg', photo);
      const listing = await fixture.rentalListing(fixture.agent, { images: [{ documentId, title: 'Balkon' }] });
      const [facebook, linkedin] = await Promise.all((await publish(listing.id, ['facebook', 'linkedin'])).items.map((job) => fixture.settled(job.id)));
      expect([facebook.status, linkedin.status]).toEqual(['published', 'published']);
      expect(fixture.graph.uploads.get(facebook.externalId as string)).toMatchObject({ fileName: 'balkon.jpg', contentType: 'image/jpeg' });
      expect(fixture.graph.uploads.get(facebook.externalId as string)?.bytes.equals(photo)).toBe(true);
      expect(fixture.graph.posts.get(facebook.externalId as string)?.caption).toContain('Klasse C');
      const share = fixture.linkedin.posts.get(linkedin.externalId as string) as { content: { media: { id: string; altText: string } } };
      expect(share.content.media.altText).toBe('Balkon');
      expect(fixture.linkedin.images.get(share.content.media.id)?.equals(photo)).toBe(true);
    });

    it('fails with the network’s message when a token is rejected', async () => {
      await fixture.configure('linkedin', {}, { accessToken: 'expired' });
      const listing = await fixture.rentalListing();
      const job = await fixture.settled((await publish(listing.id, ['linkedin'])).items[0].id);
      expect(job).toMatchObject({ status: 'failed', attempts: 1, lastError: 'LinkedIn: Invalid access token' });
    });
  });

  describe('when the unit is rented', () => {
    it('withdraws its listings from every channel on lease activation, once, and refuses to publish them again', async () => {
      const listing = await fixture.rentalListing();
      const published = await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      const other = await fixture.rentalListing();
      const lease = { leaseId: randomUUID(), unitId: listing.unitId, tenantId: randomUUID(), startDate: '2027-01-01', endDate: null };
      const eventId = await publishDomainEvent(fixture.stack.nats, fixture.stack.prefix, fixture.organizationId, LeaseEvent.ACTIVATED, lease);

      await waitFor(async () => (await get(listing.id)).publications[0]?.status === 'withdrawn');
      const after = await get(listing.id);
      expect(after).toMatchObject({ status: 'withdrawn', withdrawnReason: `unit rented (${LeaseEvent.ACTIVATED})` });
      expect(fixture.is24.realEstates.has(published.externalId as string)).toBe(false);
      expect((await get(other.id)).status).toBe('draft');

      const refused = await rpcFailure(publish(listing.id, ['immoscout24']));
      expect([refused.status, refused.code]).toEqual([409, 'PUBLISHING_LISTING_STATE']);

      // Redelivery of the same event changes nothing.
      await fixture.stack.nats.jetstream().publish(`${fixture.stack.prefix}.events.${LeaseEvent.ACTIVATED}`, JSON.stringify({ id: eventId, type: LeaseEvent.ACTIVATED, organizationId: fixture.organizationId, occurredAt: new Date().toISOString(), payload: lease }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await fixture.call(JobOperations.list, { listingId: listing.id, action: 'unpublish' })).total).toBe(1);
    });

    it('withdraws on portfolio’s occupied status too, but not on other status changes or other organizations', async () => {
      const listing = await fixture.rentalListing();
      await fixture.settled((await publish(listing.id, ['immoscout24'])).items[0].id);
      const change = (toStatus: string, organizationId = fixture.organizationId) =>
        publishDomainEvent(fixture.stack.nats, fixture.stack.prefix, organizationId, PortfolioEvent.UNIT_STATUS_CHANGED, {
          unitId: listing.unitId, buildingId: randomUUID(), propertyId: listing.propertyId, fromStatus: 'vacant', toStatus, source: 'manual', eventId: null,
        });
      await change('reserved');
      await change('occupied', randomUUID());
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await get(listing.id)).status).toBe('published');
      await change('occupied');
      await waitFor(async () => (await get(listing.id)).publications[0]?.status === 'withdrawn');
      expect((await get(listing.id)).status).toBe('withdrawn');
    });
  });
});
