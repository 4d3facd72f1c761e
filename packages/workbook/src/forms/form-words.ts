import type { Text } from '@sunshine-rubric/core';
import type { ApplicationStatus, TierVerdict } from '@sunshine-rubric/core/workflow';

/** The application's step on its route, as the forms name it. */
export const statusNames: Readonly<Record<ApplicationStatus, Text>> = {
  'not-started': { zh: '未开始', en: 'not started' },
  'self-checked': { zh: '已自查', en: 'self-checked' },
  applied: { zh: '已申报', en: 'applied' },
  received: { zh: '已受理', en: 'received' },
  returned: { zh: '市级退回', en: 'returned by the city' },
  'city-review-passed': { zh: '市级初审通过', en: 'passed the city review' },
  'submitted-to-region': { zh: '已报自治区', en: 'submitted to the region' },
  'rectification-required': { zh: '复核要求整改', en: 'rectification required' },
  rectified: { zh: '已整改', en: 'rectified' },
  'recheck-passed': { zh: '复核通过', en: 'passed the re-check' },
  certified: { zh: '已认定', en: 'certified' },
  'reinspection-rectification-required': { zh: '复查要求整改', en: 'rectification after re-inspection' },
  'reinspection-rectified': { zh: '复查后已整改', en: 'rectified after re-inspection' },
  revoked: { zh: '已撤销认定', en: 'title revoked' },
};

/** The tiers that review. */
export const tierNames: Readonly<Record<'city' | 'region', Text>> = {
  city: { zh: '市级初审', en: 'city initial review' },
  region: { zh: '自治区复核认定', en: 'region re-check' },
};

/** What a tier recorded on the route. */
export const recordedNames: Readonly<Record<NonNullable<TierVerdict['recorded']>, Text>> = {
  pending: { zh: '审核中', en: 'under review' },
  passed: { zh: '通过', en: 'passed' },
  returned: { zh: '退回', en: 'returned' },
  rectification: { zh: '要求整改', en: 'rectification required' },
  certified: { zh: '已认定', en: 'certified' },
};

/** The bureau that received an application. */
export const receivedByNames: Readonly<Record<'county' | 'city', Text>> = {
  county: { zh: '县（区）级', en: 'county or district' },
  city: { zh: '市级', en: 'city' },
};
