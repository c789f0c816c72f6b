import { subjectsOf } from '@quartier/contracts-shared';
import { AiOperations } from './ai.operations';

/** NATS subjects of the ai service (without the deployment prefix), read off the operation descriptors. */
export const AiSubjects = subjectsOf(AiOperations);
export type AiSubject = (typeof AiSubjects)[keyof typeof AiSubjects];
