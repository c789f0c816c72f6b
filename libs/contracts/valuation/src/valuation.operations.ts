import { CommonErrorCode, EmptyRequest, PLATFORM_OPERATOR, defineOperation } from '@quartier/contracts-shared';
import {
  AddMarketSalesDto,
  AddMarketSalesResult,
  MarketDataQueryDto,
  MarketDataSummaryView,
  MarketSaleDeletedView,
  MarketSaleIdDto,
  MarketSalePageView,
  MarketSaleQueryDto,
} from './market-data.dto';
import { AvmModelListView } from './model.dto';
import { ValuateDto, ValuationIdDto, ValuationPageView, ValuationQueryDto, ValuationView } from './valuation.dto';
import { ValuationErrorCode } from './valuation.errors';

const service = 'valuation';
const tags = ['valuation'] as const;

/** Fitting reads every platform sale and solves the models: seconds, not the usual request budget. */
const REFIT_TIMEOUT_MS = 120_000;

export const ValuationOperations = {
  valuate: defineOperation({
    service,
    subject: 'valuation.v1.valuations.create',
    request: ValuateDto,
    response: ValuationView,
    http: {
      method: 'POST',
      path: '/avm/valuate',
      status: 201,
      tags,
      summary: 'Property valuation (AVM): estimate, range and confidence from comparable sales and a hedonic model',
      description:
        'Send the attributes, or a propertyId/unitId of your portfolio (attributes in the body fill in or override portfolio’s). Living area, year built and coordinates are needed (422 lists what is missing); unstated attributes are assumed at the market median and named in `assumed`. 422 VALUATION_NO_MARKET_DATA when no sale lies within the comparable radius. The range is calibrated on later held-out sales to contain `rangeCoverage` of them. Every valuation is stored and emits valuation.completed.',
    },
    access: { scopes: ['write'] },
    paged: false,
    // Each call stores a new valuation (and emits valuation.completed).
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [ValuationErrorCode.ATTRIBUTES_MISSING]: 422,
      [ValuationErrorCode.NO_MARKET_DATA]: 422,
      [ValuationErrorCode.MODEL_NOT_FITTED]: 409,
      // The propertyId or unitId is not in the caller's portfolio.
      [CommonErrorCode.NOT_FOUND]: 404,
    },
  }),
  list: defineOperation({
    service,
    subject: 'valuation.v1.valuations.list',
    request: ValuationQueryDto,
    response: ValuationPageView,
    http: { method: 'GET', path: '/avm/valuations', status: 200, tags, summary: 'Stored valuations, newest first (filter by propertyId or unitId)' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'valuation.v1.valuations.get',
    request: ValuationIdDto,
    response: ValuationView,
    http: { method: 'GET', path: '/avm/valuations/:id', status: 200, tags, summary: 'One stored valuation with its comparables and method breakdown' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

export const MarketDataOperations = {
  summary: defineOperation({
    service,
    subject: 'valuation.v1.market-data.summary',
    request: MarketDataQueryDto,
    response: MarketDataSummaryView,
    http: {
      method: 'GET',
      path: '/avm/market-data',
      status: 200,
      tags,
      summary: 'Market summary: count, median price and price per m², monthly trend',
      description: 'Over platform market data and your own sales; filter by postal code, a circle (lat, lng, radiusKm) and a date window. Prices of one currency only.',
    },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  addSales: defineOperation({
    service,
    subject: 'valuation.v1.market-data.sales.add',
    request: AddMarketSalesDto,
    response: AddMarketSalesResult,
    http: {
      method: 'POST',
      path: '/avm/market-data/sales',
      status: 200,
      tags,
      summary: 'Add your own comparable sales in bulk (up to 1000; an externalId already stored is skipped)',
    },
    access: { scopes: ['write'] },
    paged: false,
    // Repeatable only for sales that carry an externalId; the others are stored again.
    idempotency: 'none',
    errors: { [CommonErrorCode.PAYLOAD_TOO_LARGE]: 413, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  listSales: defineOperation({
    service,
    subject: 'valuation.v1.market-data.sales.list',
    request: MarketSaleQueryDto,
    response: MarketSalePageView,
    http: { method: 'GET', path: '/avm/market-data/sales', status: 200, tags, summary: 'Your own comparable sales, newest sale first' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  deleteSale: defineOperation({
    service,
    subject: 'valuation.v1.market-data.sales.delete',
    request: MarketSaleIdDto,
    response: MarketSaleDeletedView,
    http: {
      method: 'DELETE',
      path: '/avm/market-data/sales/:id',
      status: 204,
      tags,
      summary: 'Delete one of your own comparable sales',
      responseDescription: 'Deleted',
    },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    // Platform data and other organizations' sales are answered as missing.
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

export const ModelOperations = {
  current: defineOperation({
    service,
    subject: 'valuation.v1.models.current',
    request: EmptyRequest,
    response: AvmModelListView,
    http: {
      method: 'GET',
      path: '/avm/models',
      status: 200,
      tags,
      summary: 'The valuation model in use per currency: training window, fit time, held-out accuracy',
    },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  refit: defineOperation({
    service,
    subject: 'valuation.v1.models.refit',
    request: EmptyRequest,
    response: AvmModelListView,
    http: {
      method: 'POST',
      path: '/avm/models/refit',
      status: 200,
      tags,
      summary: 'Refit the valuation models on all platform market data (platform operators only)',
      description: 'The models value every organization’s properties, so only the installation’s platform operators (PLATFORM_OPERATORS) refit them; an organization’s owner gets 403.',
    },
    // Platform-wide: no organization role suffices (ARCHITECTURE §1).
    access: { scopes: [], roles: [PLATFORM_OPERATOR] },
    paged: false,
    // Every refit stores a new model version.
    idempotency: 'none',
    errors: { [ValuationErrorCode.NOT_ENOUGH_MARKET_DATA]: 422 },
    timeoutMs: REFIT_TIMEOUT_MS,
  }),
};

/** Every valuation operation: what the service answers and the gateway routes. */
export const VALUATION_OPERATIONS = [
  ...Object.values(ValuationOperations),
  ...Object.values(MarketDataOperations),
  ...Object.values(ModelOperations),
];
