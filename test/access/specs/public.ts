import { everyone, type RouteSpec } from '../route-spec.ts';

// What anyone may fetch: the home page, the health check, the stylesheets.

export const publicSpecs: RouteSpec[] = [
  { method: 'GET', route: '/', request: () => ({ url: '/' }), outcome: everyone },
  { method: 'GET', route: '/healthz', request: () => ({ url: '/healthz' }), outcome: everyone },
  { method: 'GET', route: '/assets/*', request: () => ({ url: '/assets/site.css' }), outcome: everyone },
  { method: 'GET', route: '/assets/pico.css', request: () => ({ url: '/assets/pico.css' }), outcome: everyone },
];
