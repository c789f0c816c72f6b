import { randomUUID } from 'node:crypto';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { Channel, ChannelOperations, JobOperations, JobView, ListingOperations } from '@quartier/contracts-publishing';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { publishingService } from '../src/publishing.service-app';
import { StandInPortfolio, collectEvents, standInPortfolio } from './helpers';
import { startFtpServer } from './wire/ftp.server';
import { startImmoScout24Server } from './wire/immoscout24.server';
import { startSftpServer } from './wire/sftp.server';
import { startGraphServer, startLinkedInServer } from './wire/social.server';

export const IS24 = { consumerKey: 'quartier-key', consumerSecret: 'cs-Zq83!x', accessToken: 'at-77a1', accessTokenSecret: 'ats-&/+9' };
export const GRAPH = { pageId: '104729384756', pageAccessToken: 'EAAB-page-token', igUserId: '17841400000000', igAccessToken: 'EAAB-ig-token' };
export const LINKEDIN = { organizationId: '2414183', accessToken: 'AQV-linkedin-token' };
export const FTP = { username: 'iw-4711', password: 'ftp-pass-9' };
export const SFTP = { username: 'ka-1', password: 'ka-sftp-pass' };

/** The publishing service with every portal and social network as a local wire-format server. */
export async function startPublishingFixture(extraEnv: NodeJS.ProcessEnv = {}) {
  const is24 = await startImmoScout24Server(IS24);
  const graph = await startGraphServer(GRAPH);
  const linkedin = await startLinkedInServer(LINKEDIN.accessToken);
  const immoweltFtp = await startFtpServer(FTP.username, FTP.password);
  const kleinanzeigenSftp = await startSftpServer(SFTP.username, SFTP.password);
  const stack: TestStack = await startTestStack([publishingService], {
    CHANNEL_SECRETS_KEY: 'test-channel-secrets-key-0123456789abcdef',
    IMMOSCOUT24_API_URL: is24.apiUrl,
    FACEBOOK_GRAPH_URL: graph.graphUrl,
    LINKEDIN_API_URL: linkedin.apiUrl,
    IMMOWELT_FTP_URL: `${immoweltFtp.url}/import`,
    KLEINANZEIGEN_FTP_URL: `${kleinanzeigenSftp.url}/openimmo?hostKey=${encodeURIComponent(kleinanzeigenSftp.fingerprint)}`,
    JOB_POLL_INTERVAL_MS: '50',
    JOB_BACKOFF_MS: '100',
    JOB_BACKOFF_MAX_MS: '300',
    JOB_MAX_ATTEMPTS: '3',
    PORTAL_TIMEOUT_MS: '5000',
    ...extraEnv,
  });
  const portfolio: StandInPortfolio = standInPortfolio(stack.nats, stack.prefix);
  const events = collectEvents(stack.nats, stack.prefix);
  const organizationId = randomUUID();
  const owner = testCaller(organizationId, { roles: ['owner'] });
  const agent = testCaller(organizationId, { roles: ['agent'], scopes: ['read', 'write'] });

  const operations = new OperationClient(stack.rpc);
  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = agent): Promise<ResponseOf<Operation>> =>
    operations.send(operation, payload, caller, { timeoutMs: 10_000 });

  return {
    stack,
    is24,
    graph,
    linkedin,
    immoweltFtp,
    kleinanzeigenSftp,
    portfolio,
    events,
    organizationId,
    owner,
    agent,
    call,
    configure: (channel: Channel, settings: Record<string, string>, secrets: Record<string, string>, caller: OrgCaller = owner) =>
      call(ChannelOperations.configure, { channel, settings, secrets }, caller),
    /** A complete rental listing of a fresh unit in the Berlin building. */
    rentalListing: async (caller: OrgCaller = agent, overrides: Record<string, unknown> = {}) => {
      const propertyId = portfolio.addProperty(caller.organizationId);
      const unitId = portfolio.addUnit(caller.organizationId, propertyId);
      return call(
        ListingOperations.create,
        {
          propertyId,
          unitId,
          marketingType: 'rent',
          title: 'Helle 3-Zimmer-Wohnung mit Balkon in Mitte',
          description: 'Ruhige Seitenstraße, U-Bahn fünf Minuten, Balkon nach Süden.',
          additionalCostsCents: 22_000,
          depositCents: 435_000,
          contact: { name: 'Anna Becker', email: 'anna.becker@example.de', phone: '+49 30 1234567' },
          images: [{ url: 'https://cdn.example.de/objekte/42/wohnzimmer.jpg', title: 'Wohnzimmer' }],
          ...overrides,
        },
        caller,
      );
    },
    /** Waits until the job has finished (published, withdrawn or failed) and returns it. */
    settled: async (jobId: string, caller: OrgCaller = agent): Promise<JobView> => {
      let job: JobView | undefined;
      await waitFor(async () => {
        job = await call(JobOperations.get, { id: jobId }, caller);
        return ['published', 'withdrawn', 'failed'].includes(job.status);
      }, 15_000);
      return job as JobView;
    },
    teardown: async () => {
      events.stop();
      portfolio.close();
      await stack.teardown();
      await Promise.all([is24.close(), graph.close(), linkedin.close(), immoweltFtp.close(), kleinanzeigenSftp.close()]);
    },
  };
}

export type PublishingFixture = Awaited<ReturnType<typeof startPublishingFixture>>;
