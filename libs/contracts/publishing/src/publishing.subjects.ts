import { subjectsOf } from '@quartier/contracts-shared';
import { ChannelOperations, FeedOperations, JobOperations, ListingOperations } from './publishing.operations';

/** NATS subjects of the publishing service (without the deployment prefix), read off the operation descriptors. */
export const ListingSubjects = subjectsOf(ListingOperations);
export const ChannelSubjects = subjectsOf(ChannelOperations);
export const JobSubjects = subjectsOf(JobOperations);
export const FeedSubjects = subjectsOf(FeedOperations);
