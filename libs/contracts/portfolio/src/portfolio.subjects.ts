import { AnyOperation, subjectsOf } from '@quartier/contracts-shared';
import { ContactActivityOperations, ContactOperations } from './contact.operations';
import { DocumentOperations, FolderOperations } from './document.operations';
import { BuildingOperations, PropertyOperations, UnitOperations, UsageOperations } from './portfolio.operations';

/** `{ <prefix><Name>: subject }`: the flat names the subjects have always had (`propertiesList`). */
type Prefixed<Prefix extends string, Group> = { readonly [Name in keyof Group & string as `${Prefix}${Capitalize<Name>}`]: string };

function prefixed<Prefix extends string, Group extends Record<string, AnyOperation>>(prefix: Prefix, group: Group): Prefixed<Prefix, Group> {
  const entries = Object.entries(subjectsOf(group)).map(([name, subject]) => [`${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`, subject]);
  return Object.fromEntries(entries) as Prefixed<Prefix, Group>;
}

/** NATS subjects of the portfolio service (without the deployment prefix), read off the operation descriptors. */
export const PortfolioSubjects = {
  ...prefixed('properties', PropertyOperations),
  ...prefixed('buildings', BuildingOperations),
  ...prefixed('units', UnitOperations),
  ...prefixed('usage', UsageOperations),
  ...prefixed('contacts', ContactOperations),
  ...prefixed('contactActivities', ContactActivityOperations),
  ...prefixed('documents', DocumentOperations),
  ...prefixed('folders', FolderOperations),
};
export type PortfolioSubject = (typeof PortfolioSubjects)[keyof typeof PortfolioSubjects];
