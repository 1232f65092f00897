// The whole database type: each domain owns its tables in <domain>/<domain>.table.ts and
// adds them here. Nothing else should import table types across domains.
import type { MetaTables } from './meta.table.ts';
import type { PeopleTables } from '../people/people.table.ts';
import type { CasesTables } from '../cases/cases.table.ts';
import type { AuditTables } from '../audit/audit.table.ts';
import type { AccountsTables } from '../accounts/accounts.table.ts';
import type { SchedulerTables } from '../scheduler/scheduler.table.ts';
import type { ImportsTables } from '../imports/imports.table.ts';
import type { MatchingTables } from '../matching/matching.table.ts';
import type { CohortsTables } from '../cohorts/cohorts.table.ts';
import type { RegistryTables } from '../registry/registry.table.ts';
import type { TipsTables } from '../tips/tips.table.ts';
import type { EvidenceTables } from '../evidence/evidence.table.ts';
import type { AppealsTables } from '../appeals/appeals.table.ts';
import type { GuidesTables } from '../guides/guides.table.ts';

export interface Database
  extends MetaTables,
    AccountsTables,
    PeopleTables,
    CasesTables,
    AuditTables,
    SchedulerTables,
    ImportsTables,
    MatchingTables,
    CohortsTables,
    RegistryTables,
    TipsTables,
    EvidenceTables,
    AppealsTables,
    GuidesTables {}
