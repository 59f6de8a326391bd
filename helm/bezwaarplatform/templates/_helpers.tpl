{{/* Name of the release's objects. */}}
{{- define "bezwaarplatform.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}

{{- define "bezwaarplatform.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "bezwaarplatform.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The image's `node` user (uid 1000); no privileges, the runtime's default seccomp filter. */}}
{{- define "bezwaarplatform.podSecurity" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "bezwaarplatform.containerSecurity" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities: { drop: ["ALL"] }
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{/* What every process of the platform needs in production (src/config/app-config.ts), app and migration alike. */}}
{{- define "bezwaarplatform.productionEnv" -}}
- { name: NODE_ENV, value: production }
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.databaseUrlKey | quote }} } }
- name: TOKEN_SECRET
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.tokenSecretKey | quote }} } }
- name: ENCRYPTION_KEYS
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.encryptionKeysKey | quote }} } }
- name: BLIND_INDEX_KEY
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.blindIndexKeyKey | quote }} } }
- name: SMTP_URL
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.smtpUrlKey | quote }} } }
{{- end -}}

{{/* The pods that serve requests (the Service's) and the worker pods, when the background work has its own. */}}
{{- define "bezwaarplatform.webSelector" -}}
{{ include "bezwaarplatform.selector" . }}
app.kubernetes.io/component: web
{{- end -}}

{{- define "bezwaarplatform.workerSelector" -}}
{{ include "bezwaarplatform.selector" . }}
app.kubernetes.io/component: worker
{{- end -}}

{{/* The app container's environment, the same in serving and worker pods (BACKGROUND_WORK aside). */}}
{{- define "bezwaarplatform.appEnv" -}}
{{ include "bezwaarplatform.productionEnv" . }}
# Prometheus scrapes /metrics with this bearer token (without it /metrics is off).
- name: METRICS_TOKEN
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.metricsTokenKey | quote }} } }
- { name: PORT, value: "3000" }
- { name: PUBLIC_URL, value: {{ .Values.publicUrl | quote }} }
- { name: MAIL_FROM, value: {{ .Values.mailFrom | quote }} }
{{- if .Values.oidc.issuerUrl }}
- { name: OIDC_ISSUER_URL, value: {{ .Values.oidc.issuerUrl | quote }} }
- { name: OIDC_CLIENT_ID, value: {{ .Values.oidc.clientId | quote }} }
- name: OIDC_CLIENT_SECRET
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.name | quote }}, key: {{ .Values.secrets.oidcClientSecretKey | quote }} } }
{{- end }}
{{- if .Values.tenants }}
- { name: TENANTS_DIR, value: /app/tenants-config }
{{- end }}
{{- if .Values.platformConfig }}
- { name: PLATFORM_CONFIG, value: /app/platform-config/platform.yaml }
{{- end }}
{{- range $name, $value := .Values.env }}
- { name: {{ $name }}, value: {{ $value | quote }} }
{{- end }}
{{- end -}}

{{- define "bezwaarplatform.appVolumeMounts" -}}
# pdfkit and Node's temporary files; the root filesystem is read-only.
- { name: tmp, mountPath: /tmp }
{{- if .Values.tenants }}
- { name: tenants, mountPath: /app/tenants-config, readOnly: true }
{{- end }}
{{- if .Values.platformConfig }}
- { name: platform-config, mountPath: /app/platform-config, readOnly: true }
{{- end }}
{{- end -}}

{{- define "bezwaarplatform.appVolumes" -}}
- name: tmp
  emptyDir: { sizeLimit: 256Mi }
{{- if .Values.tenants }}
- name: tenants
  configMap:
    name: {{ include "bezwaarplatform.fullname" . }}-tenants
    # The app reads <TENANTS_DIR>/<slug>/tenant.yaml.
    items:
      {{- range $slug, $yaml := .Values.tenants }}
      - { key: {{ $slug }}.yaml, path: {{ $slug }}/tenant.yaml }
      {{- end }}
{{- end }}
{{- if .Values.platformConfig }}
- name: platform-config
  configMap:
    name: {{ include "bezwaarplatform.fullname" . }}-platform-config
{{- end }}
{{- end -}}

{{/* The app reads its configuration at start-up: a changed file rolls the pods. */}}
{{- define "bezwaarplatform.configChecksums" -}}
checksum/tenants: {{ toYaml .Values.tenants | sha256sum }}
checksum/platform-config: {{ .Values.platformConfig | sha256sum }}
{{- end -}}

{{/* Serving and worker pods alike: liveness never depends on the database, readiness does. */}}
{{- define "bezwaarplatform.appProbes" -}}
# Start-up migrates nothing (the hook Job did) but loads tenants and templates: allow up to 2 minutes.
startupProbe:
  httpGet: { path: /api/v1/health/live, port: http }
  periodSeconds: 2
  failureThreshold: 60
# Liveness never depends on the database: an outage must not restart every pod.
livenessProbe:
  httpGet: { path: /api/v1/health/live, port: http }
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
# Readiness follows the database: a pod that cannot reach it gets no traffic.
readinessProbe:
  httpGet: { path: /api/v1/health/ready, port: http }
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}
