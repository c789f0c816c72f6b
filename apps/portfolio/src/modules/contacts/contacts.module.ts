import { Module } from '@nestjs/common';
import { ContactActivitiesController } from './activities/contact-activities.controller';
import { ContactActivitiesService } from './activities/contact-activities.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { InventoryEventsConsumer } from './lead-scoring/inventory-events.consumer';
import { LeadScoringService } from './lead-scoring/lead-scoring.service';

/** The CRM: contacts, their activity timeline and lead scores. */
@Module({
  controllers: [ContactsController, ContactActivitiesController],
  providers: [ContactsService, ContactActivitiesService, LeadScoringService, InventoryEventsConsumer],
})
export class ContactsModule {}
