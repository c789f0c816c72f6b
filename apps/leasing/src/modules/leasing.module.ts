import { Module } from '@nestjs/common';
import { LeaseController } from './leases/lease.controller';
import { LeaseService } from './leases/lease.service';
import { UnitDirectory } from './leases/unit-directory';
import { RentJobScheduler } from './rent/rent-job.scheduler';
import { RentController } from './rent/rent.controller';
import { RentService } from './rent/rent.service';
import { Today } from './shared/today';
import { TenantController } from './tenants/tenant.controller';
import { TenantService } from './tenants/tenant.service';

/** Tenants, leases and the rent schedule: they share the lease lifecycle. */
@Module({
  controllers: [TenantController, LeaseController, RentController],
  providers: [TenantService, LeaseService, UnitDirectory, RentService, RentJobScheduler, Today],
  exports: [TenantService, LeaseService, RentService, UnitDirectory, Today],
})
export class LeasingCoreModule {}
