import type { Text } from '@sunshine-rubric/core';
import { applicationStatusNames, reviewTierNames, tierRecordNames } from '@sunshine-rubric/core/words';

// The route's words are core's, so the forms, the reports and the command say the same step the same way.

/** The application's step on its route, as the forms name it. */
export const statusNames = applicationStatusNames;

/** The tiers that review. */
export const tierNames = reviewTierNames;

/** What a tier recorded on the route. */
export const recordedNames = tierRecordNames;

/** The bureau that received an application. */
export const receivedByNames: Readonly<Record<'county' | 'city', Text>> = {
  county: { zh: '县（区）级', en: 'county or district' },
  city: { zh: '市级', en: 'city' },
};
