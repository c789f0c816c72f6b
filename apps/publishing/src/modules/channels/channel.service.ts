import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import { CHANNELS, Channel, ChannelListView, ChannelView, ConfigureChannelMessageDto, PublishingErrorCode } from '@quartier/contracts-publishing';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';
import { ChannelConfigEntity } from './channel-config.entity';
import { Credentials, mergeCredentials, missingCredentials } from './channel-credentials';
import { openSecrets, sealSecrets } from './secret-box';

/** Per organization and channel: settings (shown) and secrets (sealed at rest, never returned or logged). */
@Injectable()
export class ChannelService {
  private readonly configs: OrgScopedRepository<ChannelConfigEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PUBLISHING_CONFIG) private readonly config: PublishingConfig,
  ) {
    this.configs = new OrgScopedRepository(ChannelConfigEntity, dataSource.manager);
  }

  async list(caller: OrgCaller): Promise<ChannelListView> {
    const rows = new Map((await this.configs.find(caller.organizationId)).map((row) => [row.channel, row]));
    return { items: CHANNELS.map((channel) => toChannelView(channel, rows.get(channel) ?? null)) };
  }

  async configure(caller: OrgCaller, dto: ConfigureChannelMessageDto): Promise<ChannelView> {
    const { channel, ...change } = dto;
    return this.dataSource.transaction(async (manager) => {
      const configs = this.configs.withManager(manager);
      const existing = await manager.getRepository(ChannelConfigEntity).findOne({ where: { organizationId: caller.organizationId, channel }, lock: { mode: 'pessimistic_write' } });
      const current: Credentials = existing ? { settings: existing.settings, secrets: existing.sealedSecrets ? this.open(existing, caller.organizationId) : {} } : { settings: {}, secrets: {} };
      const merged = mergeCredentials(channel, current, change);
      if ('errors' in merged) throw validationFailed(merged.errors, `Invalid ${channel} credentials`);
      const secretNames = Object.keys(merged.secrets).sort();
      if (secretNames.length > 0 && !this.config.CHANNEL_SECRETS_KEY) {
        throw rpcError(503, PublishingErrorCode.SECRETS_KEY_MISSING, 'Channel secrets cannot be stored: the operator has not set CHANNEL_SECRETS_KEY');
      }
      const sealedSecrets = secretNames.length > 0 ? sealSecrets(merged.secrets, this.config.CHANNEL_SECRETS_KEY as string, secretContext(caller.organizationId, channel)) : null;
      const values = { settings: merged.settings, sealedSecrets, secretNames, enabled: change.enabled ?? existing?.enabled ?? true };
      const saved = existing ? await configs.save(caller.organizationId, Object.assign(existing, values)) : await configs.insert(caller.organizationId, { channel, ...values });
      return toChannelView(channel, saved);
    });
  }

  async remove(caller: OrgCaller, channel: Channel): Promise<{ deleted: true }> {
    if ((await this.configs.deleteWhere(caller.organizationId, { channel })) === 0) throw notFound('Channel configuration', channel);
    return { deleted: true };
  }

  /** The decrypted credentials for a job; 422 when the channel is not (fully) configured or disabled. */
  async credentials(organizationId: string, channel: Channel, manager: EntityManager = this.dataSource.manager): Promise<Credentials> {
    const row = await this.configs.withManager(manager).findOne(organizationId, { channel });
    const missing = row ? missingCredentials(channel, row.settings, row.secretNames) : ['settings', 'secrets'];
    if (!row || !row.enabled || missing.length > 0) {
      throw rpcError(422, PublishingErrorCode.CHANNEL_NOT_CONFIGURED, `${channel} is not ${row && !row.enabled ? 'enabled' : 'configured'} for this organization`, { channel, missing });
    }
    return { settings: row.settings, secrets: row.sealedSecrets ? this.open(row, organizationId) : {} };
  }

  /** Which of the channels cannot be used now (not configured, incomplete or disabled). */
  async unusable(organizationId: string, channels: readonly Channel[]): Promise<Channel[]> {
    const rows = new Map((await this.configs.find(organizationId)).map((row) => [row.channel, row]));
    return channels.filter((channel) => {
      const row = rows.get(channel);
      return !row || !row.enabled || missingCredentials(channel, row.settings, row.secretNames).length > 0;
    });
  }

  private open(row: ChannelConfigEntity, organizationId: string): Record<string, string> {
    if (!this.config.CHANNEL_SECRETS_KEY) throw rpcError(503, PublishingErrorCode.SECRETS_KEY_MISSING, 'Channel secrets cannot be read: the operator has not set CHANNEL_SECRETS_KEY');
    return openSecrets(row.sealedSecrets as string, this.config.CHANNEL_SECRETS_KEY, secretContext(organizationId, row.channel));
  }
}

/** Binds sealed secrets to their organization and channel: copied to another row, they do not open. */
function secretContext(organizationId: string, channel: Channel): string {
  return `${organizationId}/${channel}`;
}

export function toChannelView(channel: Channel, row: ChannelConfigEntity | null): ChannelView {
  const missing = missingCredentials(channel, row?.settings ?? {}, row?.secretNames ?? []);
  return {
    channel,
    configured: row !== null && missing.length === 0,
    enabled: row?.enabled ?? false,
    settings: row?.settings ?? {},
    secretsSet: row?.secretNames ?? [],
    missing,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
