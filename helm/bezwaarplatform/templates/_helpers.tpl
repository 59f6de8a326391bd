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
