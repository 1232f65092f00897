import type { RouteSpec } from '../route-spec.ts';
import { accountSpecs } from './accounts.ts';
import { adminSpecs } from './admin.ts';
import { caseSpecs } from './cases.ts';
import { publicSpecs } from './public.ts';
import { matchingSpecs } from './matching.ts';
import { importSpecs } from './imports.ts';
import { cohortSpecs } from './cohorts.ts';
import { registrySpecs } from './registry.ts';
import { tipSpecs } from './tips.ts';
import { appealSpecs } from './appeals.ts';

// Every domain's routes. A new domain adds its file here: the matrix then tries every principal
// against each of its routes, and fails on any route the app registers that no spec declares.

export const ALL_SPECS: RouteSpec[] = [
  ...publicSpecs,
  ...accountSpecs,
  ...caseSpecs,
  ...adminSpecs,
  ...registrySpecs,
  ...tipSpecs,
  ...appealSpecs,
];
ALL_SPECS.push(...matchingSpecs, ...importSpecs, ...cohortSpecs);
