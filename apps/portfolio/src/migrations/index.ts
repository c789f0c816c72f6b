import { CreatePortfolio1763790000000 } from './1763790000000-create-portfolio.migration';
import { UnitCurrentLease1763790100000 } from './1763790100000-unit-current-lease.migration';
import { CreateContacts1765100000000 } from './1765100000000-create-contacts.migration';
import { CreateDocuments1765200000000 } from './1765200000000-create-documents.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';

export const portfolioMigrations = [CreatePortfolio1763790000000, UnitCurrentLease1763790100000, CreateContacts1765100000000, CreateDocuments1765200000000, IdempotencyRecords1796700000000];
