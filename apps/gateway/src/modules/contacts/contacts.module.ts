import { Module } from '@nestjs/common';
import { ContactActivitiesController } from './contact-activities.controller';
import { ContactsController } from './contacts.controller';

/** /api/v1 routes of the CRM (portfolio service): contacts, their activities, lead scores and matches. */
@Module({ controllers: [ContactsController, ContactActivitiesController] })
export class ContactsRoutesModule {}
