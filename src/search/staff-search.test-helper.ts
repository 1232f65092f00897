import type { useWorld } from '../cases/cases.fixtures.ts';

/** The staff person search («Люди») asked by the world's caseworker, as her browser asks it. */
export const staffSearch = (s: ReturnType<typeof useWorld>) => (q: string) =>
  s.t.app.inject({ method: 'GET', url: `/staff/people?q=${encodeURIComponent(q)}`, cookies: s.w.caseworker.cookies });
