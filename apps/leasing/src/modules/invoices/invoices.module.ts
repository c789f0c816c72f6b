import { DynamicModule, Module } from '@nestjs/common';
import { LeasingCoreModule } from '../leasing.module';
import { InvoiceController } from './invoice.controller';
import { InvoiceMailer, MAIL_SETTINGS, MailSettings } from './invoice-mailer';
import { INVOICE_DUE_DAYS, InvoiceService } from './invoice.service';
import { InvoiceNinjaSettings } from './invoice-ninja.client';
import { INVOICE_NINJA_SETTINGS, InvoiceSyncService } from './invoice-sync.service';

@Module({})
export class InvoicesModule {
  static forRoot(options: { mail: MailSettings; dueDays: number; invoiceNinja: InvoiceNinjaSettings }): DynamicModule {
    return {
      module: InvoicesModule,
      imports: [LeasingCoreModule],
      controllers: [InvoiceController],
      providers: [
        InvoiceService,
        InvoiceMailer,
        InvoiceSyncService,
        { provide: INVOICE_NINJA_SETTINGS, useValue: options.invoiceNinja },
        { provide: MAIL_SETTINGS, useValue: options.mail },
        { provide: INVOICE_DUE_DAYS, useValue: options.dueDays },
      ],
      exports: [InvoiceService],
    };
  }
}
