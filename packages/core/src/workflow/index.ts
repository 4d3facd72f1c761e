export type { ApplicationStatus } from './application-rules.js';
export {
  type ApplicationEvent,
  ApplicationEventSchema,
  type ApplicationEventType,
  applicationEventTypes,
  type SelfCheckSummary,
  summariseSelfCheck,
} from './events.js';
export {
  type ApplicationState,
  advanceApplication,
  type FoldApplicationOptions,
  foldApplication,
  nextSteps,
  safeFoldApplication,
} from './fold-application.js';
