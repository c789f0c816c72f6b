import { Module } from '@nestjs/common';
import { ContactOperations } from '@quartier/contracts-portfolio';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { ContactActivitiesController } from './contact-activities.controller';

/**
 * /api/v1 routes of the CRM (portfolio service): contacts, their lead scores and matches generated
 * from the operation descriptors, their activities hand-written. The route names keep the
 * operationIds clients already use.
 */
const ContactsController = operationController('ContactsController', {
  list: ContactOperations.list,
  leads: ContactOperations.leads,
  create: ContactOperations.create,
  get: ContactOperations.get,
  score: ContactOperations.score,
  matches: ContactOperations.matches,
  replace: ContactOperations.replace,
  update: ContactOperations.update,
  remove: ContactOperations.delete,
});

@Module({ controllers: [ContactsController, ContactActivitiesController], providers: [OperationClient] })
export class ContactsRoutesModule {}
