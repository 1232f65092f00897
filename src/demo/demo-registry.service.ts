import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { addSyntheticRecords } from '../registry/synthetic-records.service.ts';
import { syntheticRecords } from './demo-registry.data.ts';

// `kintrace demo --persons N`: the public registry, its map and its API populated on a fresh
// machine, with N synthetic published persons attributed to the first demo organisation.

export const addDemoRegistry = (deps: { db: Db; clock: Clock }, organisationId: string, persons: number) =>
  addSyntheticRecords(deps, systemPrincipal('demo'), organisationId, syntheticRecords(persons));
