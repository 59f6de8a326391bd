import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { loadAppConfig } from '../src/config/app-config';
import { generateKey } from '../src/crypto/field-cipher';
import { HealthController } from '../src/health/health.controller';

/**
 * The Helm chart and the Dockerfile, checked without a cluster and without the helm binary (Debian has no package).
 *
 * The chart's templates keep to a small subset of Go templates, rendered below exactly as Helm would:
 *   {{ .Values.a.b }} {{ .Release.Name|Revision|Service }} {{ .Chart.Name|AppVersion }} {{ $var }}
 *   {{ include "name" . }} {{ toYaml X }} {{ not X }}, piped into quote, nindent N or sha256sum;
 *   {{ if X }} {{ else }} {{ end }}, {{ range $key, $value := X }} over a map, {{ define "name" }} in _helpers.tpl;
 *   {{- and -}} trim whitespace; template comments vanish.
 * Anything else — and any value path missing from values.yaml — throws, so a template that outgrows the
 * subset fails this test instead of being rendered wrongly.
 */
const CHART = join(__dirname, '..', 'helm', 'bezwaarplatform');
const ROOT = join(__dirname, '..');

type Node =
  | string
  | { out: string }
  | { if: string; then: Node[]; else: Node[] }
  | { range: string; key: string; value: string; body: Node[] };
type Scope = { root: Record<string, unknown>; vars: Record<string, unknown>; defines: Map<string, Node[]> };

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function parseTemplate(source: string, defines: Map<string, Node[]>): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node?: Exclude<Node, string> }[] = [{ nodes: root }];
  const emit = (node: Node) => stack[stack.length - 1].nodes.push(node);
  let last = 0;
  let trimNext = false;
  for (const { 0: whole, 1: trimBefore, 2: body, 3: trimAfter, index } of source.matchAll(ACTION)) {
    const before = source.slice(last, index);
    const text = trimNext ? before.trimStart() : before;
    emit(trimBefore ? text.trimEnd() : text);
    last = index + whole.length;
    trimNext = trimAfter === '-';
    let m: RegExpMatchArray | null;
    if (/^\/\*[\s\S]*\*\/$/.test(body)) continue;
    if (/^(with|block|template|else if|break|continue)\b/.test(body))
      throw new Error(`Unsupported action: ${body}`);
    if ((m = body.match(/^define "([\w.-]+)"$/))) {
      const nodes: Node[] = [];
      defines.set(m[1], nodes);
      stack.push({ nodes });
    } else if ((m = body.match(/^if (.+)$/))) {
      const node = { if: m[1], then: [], else: [] };
      emit(node);
      stack.push({ nodes: node.then, node });
    } else if (body === 'else') {
      const frame = stack[stack.length - 1];
      if (!frame.node || !('if' in frame.node)) throw new Error('{{ else }} outside {{ if }}');
      frame.nodes = frame.node.else;
    } else if ((m = body.match(/^range (\$\w+), (\$\w+) := (.+)$/))) {
      const node = { range: m[3], key: m[1], value: m[2], body: [] };
      emit(node);
      stack.push({ nodes: node.body, node });
    } else if (body === 'end') {
      if (stack.length === 1) throw new Error('{{ end }} without a block');
      stack.pop();
    } else emit({ out: body });
  }
  if (stack.length !== 1) throw new Error('A block is not closed with {{ end }}');
  emit(trimNext ? source.slice(last).trimStart() : source.slice(last));
  return root;
}

function lookup(path: string, scope: Scope): unknown {
  const [head, ...rest] = path.split('.');
  let value: unknown = head === '' ? scope.root : scope.vars[head];
  if (head !== '' && !(head in scope.vars)) throw new Error(`Unknown variable ${head}`);
  for (const key of rest) {
    if (typeof value !== 'object' || value === null || !(key in value))
      throw new Error(`No value at ${path}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function evaluate(expression: string, scope: Scope): unknown {
  const [term, ...pipes] = expression.split(/\s+\|\s+/);
  let m: RegExpMatchArray | null;
  let value: unknown;
  if ((m = term.match(/^include "([\w.-]+)" \.$/))) {
    const define = scope.defines.get(m[1]);
    if (!define) throw new Error(`No template "${m[1]}"`);
    value = render(define, scope);
  } else if ((m = term.match(/^toYaml (\S+)$/))) value = stringify(evaluate(m[1], scope)).replace(/\n$/, '');
  else if ((m = term.match(/^not (\S+)$/))) value = !truthy(evaluate(m[1], scope));
  else if (/^\$?[\w]*(\.\w+)+$|^\$\w+$/.test(term)) value = lookup(term, scope);
  else throw new Error(`Unsupported template expression: ${term}`);
  for (const pipe of pipes) {
    if (pipe === 'quote') value = JSON.stringify(text(value));
    else if (pipe === 'sha256sum') value = createHash('sha256').update(text(value)).digest('hex');
    else if ((m = pipe.match(/^nindent (\d+)$/)))
      value = '\n' + text(value).replace(/^/gm, ' '.repeat(+m[1]));
    else throw new Error(`Unsupported template function: ${pipe}`);
  }
  return value;
}

function text(value: unknown): string {
  if (['string', 'number', 'boolean'].includes(typeof value)) return String(value);
  throw new Error(`Cannot print ${JSON.stringify(value)}`);
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

function render(nodes: Node[], scope: Scope): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if ('out' in node) return text(evaluate(node.out, scope));
      if ('if' in node) return render(truthy(evaluate(node.if, scope)) ? node.then : node.else, scope);
      const map = evaluate(node.range, scope) as Record<string, unknown>;
      return Object.keys(map)
        .sort() // Go ranges over a map in key order
        .map((key) =>
          render(node.body, { ...scope, vars: { ...scope.vars, [node.key]: key, [node.value]: map[key] } }),
        )
        .join('');
    })
    .join('');
}

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
};

/** `helm template release helm/bezwaarplatform` with values.yaml deep-merged with `overrides` (as `-f` does). */
function renderChart(overrides: Record<string, unknown> = {}): Manifest[] {
  const chart = parse(readFileSync(join(CHART, 'Chart.yaml'), 'utf8')) as Record<string, string>;
  const values = merge(parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')), overrides);
  const root = {
    Values: values,
    Release: { Name: 'release', Namespace: 'default', Revision: 1, Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const defines = new Map<string, Node[]>();
  const files = readdirSync(join(CHART, 'templates')).sort();
  const parsed = files.map((file) => ({
    file,
    nodes: parseTemplate(readFileSync(join(CHART, 'templates', file), 'utf8'), defines),
  }));
  return parsed
    .filter(({ file }) => !file.startsWith('_'))
    .flatMap(({ file, nodes }) => {
      const output = render(nodes, { root, vars: { $: root }, defines });
      return parseAllDocuments(output).map((document) => {
        if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}\n${output}`);
        return document.toJS() as Manifest | null;
      });
    })
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function merge(base: unknown, over: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isMap(base) || !isMap(over)) return over;
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = merge(base[key], value);
  return merged;
}

// Shapes of the parts of the manifests the checks read.
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type Probe = { httpGet: { path: string; port: string } };
type Container = {
  name: string;
  command?: string[];
  env: EnvVar[];
  securityContext: Record<string, unknown>;
  volumeMounts: { name: string; mountPath: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
};
type PodSpec = {
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes: {
    name: string;
    emptyDir?: object;
    configMap?: { name: string; items?: { key: string; path: string }[] };
  }[];
  terminationGracePeriodSeconds?: number;
};
type Workload = Manifest & {
  spec: Record<string, unknown> & { template: { metadata: { labels: object }; spec: PodSpec } };
};

const ofKind = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.kind === kind);
const one = <T = Manifest & { spec: Record<string, never> }>(manifests: Manifest[], kind: string): T => {
  const found = ofKind(manifests, kind);
  expect(found).toHaveLength(1);
  return found[0] as T;
};

const SECRET_VARIABLES = [
  'DATABASE_URL',
  'MIGRATION_DATABASE_URL',
  'TOKEN_SECRET',
  'ENCRYPTION_KEYS',
  'BLIND_INDEX_KEY',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
];

/** Realistic stand-ins for the Secret's keys, so the app's own configuration check can judge the env. */
const secretValues: Record<string, string> = {
  'database-url': 'postgres://bezwaar_app:pw@db.internal:5432/bezwaar',
  'migration-database-url': 'postgres://bezwaar_owner:pw@db.internal:5432/bezwaar',
  'token-secret': 'a'.repeat(48),
  'encryption-keys': `k2026:${generateKey()}`,
  'blind-index-key': generateKey(),
  'smtp-url': 'smtps://mailer:pw@smtp.internal:465',
  'metrics-token': 'prometheus-scrape-token-7c1e',
  'oidc-client-secret': 'b'.repeat(32),
};

/** The ENV of the Dockerfile's final stage: what every container of the image starts with. */
function imageEnv(): Record<string, string> {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env = finalStage.match(/^ENV (.+)$/m)?.[1] ?? '';
  return Object.fromEntries([...env.matchAll(/(\w+)=(\S+)/g)].map(([, key, value]) => [key, value]));
}

/** The environment a container sees, with each secretKeyRef resolved to its stand-in. */
function containerEnv(container: Container): Record<string, string> {
  const env: Record<string, string> = imageEnv();
  for (const variable of container.env) {
    const ref = variable.valueFrom?.secretKeyRef;
    env[variable.name] = ref ? secretValues[ref.key] : (variable.value as string);
  }
  return env;
}

function expectHardened(pod: PodSpec): void {
  expect(pod.securityContext).toMatchObject({
    runAsNonRoot: true,
    runAsUser: expect.any(Number),
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(pod.securityContext.runAsUser).not.toBe(0);
  for (const container of pod.containers) {
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    // The read-only root filesystem leaves /tmp (pdfkit, Node) to a pod-local emptyDir.
    const tmp = container.volumeMounts.find((mount) => mount.mountPath === '/tmp');
    expect(pod.volumes.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  }
}

function expectSecretsOnlyByReference(container: Container, secretName: string): void {
  for (const variable of container.env) {
    if (SECRET_VARIABLES.includes(variable.name)) {
      expect({ [variable.name]: variable.value }).toEqual({ [variable.name]: undefined });
      expect(variable.valueFrom?.secretKeyRef?.name).toBe(secretName);
      expect(Object.keys(secretValues)).toContain(variable.valueFrom?.secretKeyRef?.key);
    }
  }
}

describe('Helm chart (helm/bezwaarplatform)', () => {
  const manifests = renderChart();
  const deployment = one<Workload>(manifests, 'Deployment');
  const app = deployment.spec.template.spec.containers[0];
  const job = one<Workload>(manifests, 'Job');
  const migrate = job.spec.template.spec.containers[0];

  it('renders every template with the default values into named Kubernetes objects', () => {
    for (const manifest of manifests) {
      expect(manifest.apiVersion).toEqual(expect.any(String));
      expect(manifest.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
    expect(manifests.map((m) => m.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'Job',
      'PodDisruptionBudget',
      'Service',
    ]);
    // The chart refers to Secrets and never makes one.
    expect(ofKind(manifests, 'Secret')).toHaveLength(0);
  });

  it('probes the app on its real liveness and readiness routes', () => {
    const route = (method: 'live' | 'ready') =>
      `/${Reflect.getMetadata(PATH_METADATA, HealthController)}/${Reflect.getMetadata(PATH_METADATA, HealthController.prototype[method])}`;
    expect(app.livenessProbe?.httpGet.path).toBe(route('live'));
    expect(app.startupProbe?.httpGet.path).toBe(route('live'));
    expect(app.readinessProbe?.httpGet.path).toBe(route('ready'));
    expect(route('live')).toBe('/api/v1/health/live');
    expect(route('ready')).toBe('/api/v1/health/ready');
  });

  it('keeps at least two replicas and never fewer serving during an update or a drain', () => {
    const hpa = one<Manifest & { spec: Record<string, any> }>(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    // The autoscaler owns the count; without it the Deployment sets it.
    expect(deployment.spec.replicas).toBeUndefined();
    const fixed = one<Workload>(renderChart({ autoscaling: { enabled: false } }), 'Deployment');
    expect(fixed.spec.replicas).toBeGreaterThanOrEqual(2);

    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    const pdb = one<Manifest & { spec: Record<string, any> }>(manifests, 'PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.selector).toEqual(deployment.spec.selector);
    // Service, budget and spread all select the pods the Deployment makes.
    const podLabels = deployment.spec.template.metadata.labels;
    expect(podLabels).toMatchObject((deployment.spec.selector as { matchLabels: object }).matchLabels);
    expect(one<Manifest & { spec: Record<string, any> }>(manifests, 'Service').spec.selector).toEqual(
      (deployment.spec.selector as { matchLabels: object }).matchLabels,
    );
  });

  it('runs the app and the migration as non-root with a read-only root filesystem and no privileges', () => {
    expectHardened(deployment.spec.template.spec);
    expectHardened(job.spec.template.spec);
    // The image's user is the one the pods run as.
    const user = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').match(/^USER (\d+)/m)?.[1];
    expect(Number(user)).toBe(deployment.spec.template.spec.securityContext.runAsUser);
  });

  it('gives a stopping pod time to drain before it is killed', () => {
    const pod = deployment.spec.template.spec;
    const preStop = (app as Container & { lifecycle: { preStop: { exec: { command: string[] } } } }).lifecycle
      .preStop;
    const pause = Number(preStop.exec.command[1]);
    expect(preStop.exec.command[0]).toBe('sleep');
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(pause + 30);
  });

  it('migrates as the owner role in a pre-install and pre-upgrade hook', () => {
    const hooks = job.metadata.annotations?.['helm.sh/hook'].split(',');
    expect(hooks).toEqual(expect.arrayContaining(['pre-install', 'pre-upgrade']));
    expect(migrate.command).toEqual(['node', 'dist/database/migrate.js']);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['db:migrate']).toBe(migrate.command?.join(' '));

    const jobConfig = loadAppConfig(containerEnv(migrate));
    expect(jobConfig.migrationDatabaseUrl).toBe(secretValues['migration-database-url']);
    // Only the Job holds the owner role.
    expect(app.env.map((variable) => variable.name)).not.toContain('MIGRATION_DATABASE_URL');
  });

  it('passes secrets only as references to the Secret, never as values', () => {
    const secretName = (
      parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')) as { secrets: { name: string } }
    ).secrets.name;
    const withLogin = one<Workload>(
      renderChart({ oidc: { issuerUrl: 'https://digid-broker.example/oidc' } }),
      'Deployment',
    ).spec.template.spec.containers[0];
    for (const container of [app, migrate, withLogin]) expectSecretsOnlyByReference(container, secretName);
    expect(withLogin.env.map((variable) => variable.name)).toContain('OIDC_CLIENT_SECRET');
    expect(JSON.stringify(manifests)).not.toMatch(/postgres(ql)?:\/\//);
  });

  it('gives the app every variable production requires, as its own configuration check sees it', () => {
    const config = loadAppConfig(containerEnv(app));
    expect(config).toMatchObject({
      isProduction: true,
      embedded: false,
      databaseUrl: secretValues['database-url'],
      smtpUrl: secretValues['smtp-url'],
      publicUrl: 'https://bezwaar.example.nl',
    });
    // Behind the Ingress the client's address is the last one it appended, or every citizen would share a limit.
    expect(config.abuseLimits).toMatchObject({ enabled: true, trustedProxyHops: 1 });
    // Without SMTP_URL mail would go to files in DATA_DIR, which a read-only pod cannot keep.
    expect(app.env.find((variable) => variable.name === 'SMTP_URL')?.valueFrom?.secretKeyRef).toBeDefined();
    // A Deployment that lost one of them would not start: the check is real.
    for (const name of ['DATABASE_URL', 'TOKEN_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY']) {
      const env = containerEnv(app);
      delete env[name];
      expect(() => loadAppConfig(env)).toThrow(name);
    }
  });

  it('lets every replica do the background work unless worker pods of their own do it', () => {
    expect(loadAppConfig(containerEnv(app)).backgroundWork).toBe(true);

    const split = renderChart({ workers: { enabled: true } });
    const [web, workers] = ['release-bezwaarplatform', 'release-bezwaarplatform-worker'].map((name) => {
      const found = ofKind(split, 'Deployment').find((m) => m.metadata.name === name);
      expect(found).toBeDefined();
      return found as Workload;
    });
    expect(ofKind(split, 'Deployment')).toHaveLength(2);
    const [webApp, worker] = [web, workers].map((w) => w.spec.template.spec.containers[0]);
    expect(loadAppConfig(containerEnv(webApp)).backgroundWork).toBe(false);
    expect(loadAppConfig(containerEnv(worker))).toMatchObject({
      backgroundWork: true,
      isProduction: true,
      databaseUrl: secretValues['database-url'],
      smtpUrl: secretValues['smtp-url'],
    });
    expectHardened(workers.spec.template.spec);
    expectSecretsOnlyByReference(worker, 'bezwaarplatform');
    expect(worker.livenessProbe?.httpGet.path).toBe('/api/v1/health/live');
    expect(workers.spec.replicas).toBeGreaterThanOrEqual(1);
    // Requests reach the serving pods only: neither the Service nor the budget selects a worker pod.
    const workerLabels = workers.spec.template.metadata.labels as Record<string, string>;
    const selects = (selector: Record<string, string>) =>
      Object.entries(selector).every(([key, value]) => workerLabels[key] === value);
    const webSelector = (web.spec.selector as { matchLabels: Record<string, string> }).matchLabels;
    expect(selects(webSelector)).toBe(false);
    expect(
      selects(one<Manifest & { spec: { selector: Record<string, string> } }>(split, 'Service').spec.selector),
    ).toBe(false);
    expect(workerLabels).toMatchObject((workers.spec.selector as { matchLabels: object }).matchLabels);
    // The autoscaler scales the serving pods on their CPU, never the workers.
    expect(
      one<Manifest & { spec: { scaleTargetRef: { name: string } } }>(split, 'HorizontalPodAutoscaler').spec
        .scaleTargetRef.name,
    ).toBe(web.metadata.name);
  });

  describe('with the ingress, the tenants and the platform configuration from the repository', () => {
    const slugs = readdirSync(join(ROOT, 'tenants'));
    const tenantFile = (slug: string) => readFileSync(join(ROOT, 'tenants', slug, 'tenant.yaml'), 'utf8');
    const platformYaml = readFileSync(join(ROOT, 'config', 'platform.yaml'), 'utf8');
    // As `--set-file tenants.<slug>=tenants/<slug>/tenant.yaml --set-file platformConfig=config/platform.yaml`.
    const full = renderChart({
      ingress: { enabled: true, host: 'bezwaar.example.nl', tlsSecretName: 'bezwaar-tls' },
      tenants: Object.fromEntries(slugs.map((slug) => [slug, tenantFile(slug)])),
      platformConfig: platformYaml,
    });
    const pod = one<Workload>(full, 'Deployment').spec.template.spec;
    const env = containerEnv(pod.containers[0]);
    const mountOf = (configMap: Manifest) => {
      const volume = pod.volumes.find((v) => v.configMap?.name === configMap.metadata.name);
      const mount = pod.containers[0].volumeMounts.find((m) => m.name === volume?.name);
      return { volume, path: mount?.mountPath };
    };
    const configMaps = ofKind(full, 'ConfigMap') as (Manifest & { data: Record<string, string> })[];

    it('adds a TLS Ingress to the Service', () => {
      const ingress = one<Manifest & { spec: Record<string, any> }>(full, 'Ingress');
      expect(ingress.spec.tls).toEqual([{ hosts: ['bezwaar.example.nl'], secretName: 'bezwaar-tls' }]);
      const backend = ingress.spec.rules[0].http.paths[0].backend.service;
      expect(backend.name).toBe(one(full, 'Service').metadata.name);
    });

    it('mounts the tenant files as the tenant folder the app reads', () => {
      const tenants = configMaps.find((m) => m.metadata.name.endsWith('-tenants'));
      expect(tenants).toBeDefined();
      const { volume, path } = mountOf(tenants!);
      expect(env.TENANTS_DIR).toBe(path);
      for (const slug of slugs) {
        const item = volume?.configMap?.items?.find((i) => i.path === `${slug}/tenant.yaml`);
        expect(parse(tenants!.data[item!.key])).toEqual(parse(tenantFile(slug)));
      }
    });

    it('mounts config/platform.yaml where PLATFORM_CONFIG points', () => {
      const platform = configMaps.find((m) => m.metadata.name.endsWith('-platform-config'));
      expect(platform).toBeDefined();
      expect(env.PLATFORM_CONFIG).toBe(`${mountOf(platform!).path}/platform.yaml`);
      expect(parse(platform!.data['platform.yaml'])).toEqual(parse(platformYaml));
    });
  });

  it('renders only the constructs it understands and only values that exist', () => {
    const renderOne = (source: string) =>
      render(parseTemplate(source, new Map()), {
        root: { Values: { a: { b: 'x' } } },
        vars: {},
        defines: new Map(),
      });
    expect(renderOne('k: {{ .Values.a.b | quote }}\n{{- if .Values.a }}\nyes{{ end }}')).toBe('k: "x"\nyes');
    expect(() => renderOne('{{ .Values.a.typo }}')).toThrow('No value at .Values.a.typo');
    expect(() => renderOne('{{ with .Values.a }}{{ end }}')).toThrow('Unsupported');
    expect(() => renderOne('{{ .Values.a.b | upper }}')).toThrow('Unsupported template function');
  });
});

describe('Docker image', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs production dependencies only, as a non-root user, with a liveness health check', () => {
    expect(finalStage).toMatch(/^FROM node:20-bookworm-slim\s*$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(finalStage).not.toMatch(/^RUN npm/m);
    expect(Number(finalStage.match(/^USER (\d+)/m)?.[1])).toBeGreaterThan(0);
    expect(finalStage).toMatch(/^HEALTHCHECK .*[\s\S]*\/api\/v1\/health\/live/m);
    expect(imageEnv()).toMatchObject({ NODE_ENV: 'production' });
  });

  it('carries what the app reads at run time and keeps the rest out', () => {
    for (const folder of ['dist', 'node_modules', 'assets', 'config', 'templates', 'tenants'])
      expect(finalStage).toMatch(new RegExp(`^COPY .*\\b${folder} \\./${folder}$`, 'm'));
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', 'test', 'docs', '.git']));
  });
});
