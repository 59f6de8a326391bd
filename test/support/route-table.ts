import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One method on one registered path, e.g. POST /api/v1/tenants/:tenant/objections/:reference/status. */
export interface Route {
  method: string;
  path: string;
  /** The path's parameters in order, without the colon. */
  params: string[];
}

const TREE_LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the HTTP server answers, read from Fastify's own router (so routes that Nest did not register,
 * like the API document, are in it too). HEAD is left out where GET is there: Fastify answers it with GET's
 * handler. The reading of the printed tree is checked both ways: each route found must be one the router
 * knows (hasRoute), and each route of every Nest controller must be among those found.
 */
export function routeTable(app: NestFastifyApplication): Route[] {
  const fastify = app.getHttpAdapter().getInstance();
  const printed = fastify.printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes: Route[] = [];
  for (const line of printed.split('\n')) {
    if (!line.trim()) continue;
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`route table: cannot read the line "${line}"`);
    const depth = match[1].length / 4;
    const path = (depth > 0 ? parents[depth - 1] : '') + match[2];
    parents[depth] = path;
    parents.length = depth + 1;
    const methods = (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.push({ method, path, params: paramsOf(path) });
    }
  }
  for (const route of routes) {
    if (!fastify.hasRoute({ method: route.method as 'GET', url: route.path })) {
      throw new Error(`route table: read ${route.method} ${route.path}, which the router does not know`);
    }
  }
  const found = new Set(routes.map(key));
  const missing = nestRoutes(app).filter((route) => !found.has(key(route)));
  if (missing.length) {
    throw new Error(`route table: Nest routes missing from the table read: ${missing.map(key).join(', ')}`);
  }
  return routes;
}

export function key(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function paramsOf(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
}

/** The path with every `:param` replaced by its value (URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** The routes of every controller Nest knows, from the same metadata its router reads. */
function nestRoutes(app: NestFastifyApplication): Pick<Route, 'method' | 'path'>[] {
  const routes: Pick<Route, 'method' | 'path'>[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = asArray(
        Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined,
      );
      let prototype = controller.prototype as object | null;
      while (prototype && prototype !== Object.prototype) {
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          if (paths === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          for (const prefix of prefixes) {
            for (const sub of asArray(paths)) {
              const path = `/${prefix}/${sub}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
              routes.push({ method, path });
            }
          }
        }
        prototype = Object.getPrototypeOf(prototype) as object | null;
      }
    }
  }
  return routes;
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [value];
}
