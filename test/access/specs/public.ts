import { STYLESHEET } from '../../../src/web/assets.ts';
import { everyone, type RouteSpec } from '../route-spec.ts';

// What anyone may fetch: the home page, the health check, the stylesheets.

export const publicSpecs: RouteSpec[] = [
  { method: 'GET', route: '/', request: () => ({ url: '/' }), outcome: everyone },
  { method: 'GET', route: '/healthz', request: () => ({ url: '/healthz' }), outcome: everyone },
  { method: 'GET', route: STYLESHEET.url, request: () => ({ url: STYLESHEET.url }), outcome: everyone },
];
