// Worker entry: the engine is TypeScript run through tsx, which a worker must register itself.
import { register } from 'tsx/esm/api';
register();
await import('./second-thread-worker.ts');
