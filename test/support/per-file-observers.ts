import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Every app a test boots collects the default process metrics (prom-client), which watch garbage collection
 * with a PerformanceObserver that nothing ever disconnects: in a server, one per process. A Jest worker runs
 * many test files, each with its own copy of the modules, and those observers would keep every finished file's
 * modules alive and run on every collection. Disconnect the ones this file made when it ends.
 */
const observe = PerformanceObserver.prototype.observe;
const made: PerformanceObserver[] = [];
PerformanceObserver.prototype.observe = function (this: PerformanceObserver, ...args) {
  made.push(this);
  return observe.apply(this, args);
};

afterAll(() => {
  PerformanceObserver.prototype.observe = observe;
  for (const observer of made.splice(0)) observer.disconnect();
});
