import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { ValuationErrorCode } from '@quartier/contracts-valuation';
import { rpcError } from '@quartier/messaging';
import { VALUATION_CONFIG, ValuationConfig } from '../../valuation.config';
import { toMarketSale } from '../market-data/market-sale.mapper';
import { MarketDataService } from '../market-data/market-data.service';
import { AvmModelEntity } from './avm-model.entity';
import { AvmFitOptions, AvmModel, DEFAULT_FIT_OPTIONS, fitAvm } from './avm';

/**
 * The fitted models, one per currency of platform market data. Fits run one at a time in this
 * process; every valuation checks the database for a newer model, so a refit on one replica
 * reaches the others.
 */
@Injectable()
export class ModelRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger('ModelRegistry');
  private readonly cache = new Map<string, AvmModelEntity>();
  private queue: Promise<unknown> = Promise.resolve();
  private bootFit?: Promise<unknown>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(VALUATION_CONFIG) private readonly config: ValuationConfig,
    private readonly marketData: MarketDataService,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: the service answers while it fits; valuations wait for this first fit.
    if (this.config.AVM_FIT_ON_BOOT) {
      this.bootFit = this.fitStale().catch((error: Error) => this.logger.error(`Fitting at boot failed: ${error.message}`));
    }
  }

  /** Fits every currency whose platform sales changed since its latest model (or that has none). */
  async fitStale(): Promise<AvmModelEntity[]> {
    const markets = await this.marketData.platformMarkets();
    const latest = await this.latestModels();
    const stale = markets.filter((market) => {
      const model = latest.get(market.currency);
      return market.count >= this.config.AVM_MIN_TRAINING_SALES && (!model || model.fittedAt < market.lastAddedAt);
    });
    return this.fit(stale.map((market) => ({ currency: market.currency, staleBefore: market.lastAddedAt })));
  }

  /** Fits every currency with enough platform sales; 422 when none has. */
  async refitAll(): Promise<AvmModelEntity[]> {
    const markets = (await this.marketData.platformMarkets()).filter((market) => market.count >= this.config.AVM_MIN_TRAINING_SALES);
    if (markets.length === 0) {
      throw rpcError(
        422,
        ValuationErrorCode.NOT_ENOUGH_MARKET_DATA,
        `A model needs at least ${this.config.AVM_MIN_TRAINING_SALES} platform market sales of one currency; import market data first (npm run valuation:import)`,
      );
    }
    return this.fit(markets.map((market) => ({ currency: market.currency })));
  }

  /** The newest model of the currency, or undefined when none was fitted. */
  async current(currency: string): Promise<AvmModelEntity | undefined> {
    await this.bootFit;
    const newest: { id: string } | undefined = await this.dataSource
      .getRepository(AvmModelEntity)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.organization_id IS NULL AND m.currency = :currency', { currency })
      .orderBy('m.version', 'DESC')
      .limit(1)
      .getRawOne();
    if (!newest) return undefined;
    const cached = this.cache.get(currency);
    if (cached?.id === newest.id) return cached;
    const model = await this.dataSource.getRepository(AvmModelEntity).findOneByOrFail({ id: newest.id });
    this.cache.set(currency, model);
    return model;
  }

  async currentAll(): Promise<AvmModelEntity[]> {
    await this.bootFit;
    return [...(await this.latestModels()).values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }

  /** One currency failing to fit does not stop the others; when none fits, its reason is the answer. */
  private fit(markets: { currency: string; staleBefore?: Date }[]): Promise<AvmModelEntity[]> {
    const run = this.queue.then(async () => {
      const fitted: AvmModelEntity[] = [];
      const failures: unknown[] = [];
      for (const { currency, staleBefore } of markets) {
        try {
          fitted.push(await this.fitOne(currency, staleBefore));
        } catch (error) {
          failures.push(error);
          this.logger.warn(`Could not fit the ${currency} model: ${(error as Error).message}`);
        }
      }
      if (fitted.length === 0 && failures.length > 0) throw failures[0];
      return fitted;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Fits and stores a new version; with `staleBefore`, keeps a model another replica fitted after that meanwhile. */
  private async fitOne(currency: string, staleBefore?: Date): Promise<AvmModelEntity> {
    const sales = (await this.marketData.platformSales(currency)).map(toMarketSale);
    const started = performance.now();
    let parameters: AvmModel;
    try {
      parameters = fitAvm(sales, this.fitOptions());
    } catch (error) {
      throw rpcError(422, ValuationErrorCode.NOT_ENOUGH_MARKET_DATA, `Cannot fit a ${currency} model: ${(error as Error).message}`);
    }
    const fitSeconds = (performance.now() - started) / 1000;
    const model = await this.dataSource.transaction(async (manager) => {
      // Replicas fitting at once still get distinct, increasing versions.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('valuation.avm_models'))");
      if (staleBefore) {
        const fresh = await manager.findOne(AvmModelEntity, { where: { currency, fittedAt: MoreThanOrEqual(staleBefore) }, order: { version: 'DESC' } });
        if (fresh) return fresh;
      }
      const [{ next }] = await manager.query('SELECT coalesce(max(version), 0) + 1 AS next FROM avm_models WHERE currency = $1', [currency]);
      return manager.save(
        manager.create(AvmModelEntity, {
          organizationId: null,
          currency,
          version: Number(next),
          fittedAt: new Date(),
          trainingFrom: parameters.trainingFrom,
          trainingTo: parameters.trainingTo,
          sampleSize: parameters.sampleSize,
          fitSeconds,
          parameters,
          validation: parameters.validation,
        }),
      );
    });
    this.cache.set(currency, model);
    this.logger.log(`Fitted ${currency}-${model.version} on ${sales.length} sales in ${fitSeconds.toFixed(2)} s (validation MdAPE ${parameters.validation.blend.mdape} %)`);
    return model;
  }

  private fitOptions(): AvmFitOptions {
    return {
      ...DEFAULT_FIT_OPTIONS,
      coverage: this.config.AVM_RANGE_COVERAGE_PERCENT / 100,
      comparable: { ...DEFAULT_FIT_OPTIONS.comparable, count: this.config.AVM_COMPARABLES, radiusKm: this.config.AVM_COMPARABLE_RADIUS_KM },
    };
  }

  private async latestModels(): Promise<Map<string, AvmModelEntity>> {
    const models = await this.dataSource
      .getRepository(AvmModelEntity)
      .createQueryBuilder('m')
      .distinctOn(['m.currency'])
      .where('m.organization_id IS NULL')
      .orderBy('m.currency', 'ASC')
      .addOrderBy('m.version', 'DESC')
      .getMany();
    return new Map(models.map((model) => [model.currency, model]));
  }
}
