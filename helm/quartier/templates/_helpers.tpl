{{/* Release-wide name, at most 63 characters. */}}
{{- define "quartier.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of one app's objects: (dict "root" $ "name" "identity"). */}}
{{- define "quartier.appName" -}}
{{- printf "%s-%s" (include "quartier.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "quartier.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ default .Chart.Name .Values.nameOverride }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: quartier
{{- end -}}

{{/* Selector of one app: (dict "root" $ "name" "identity"). */}}
{{- define "quartier.selectorLabels" -}}
app.kubernetes.io/name: {{ default .root.Chart.Name .root.Values.nameOverride }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "quartier.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "quartier.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "quartier.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Settings shared by every app (ConfigMap data; the migration Job inlines them as env). */}}
{{- define "quartier.config" -}}
NATS_URL: {{ .Values.nats.url | quote }}
NATS_PREFIX: {{ .Values.nats.prefix | quote }}
MQTT_URL: {{ .Values.mqtt.url | quote }}
LOG_LEVEL: {{ .Values.logLevel | quote }}
OPS_PORT: {{ .Values.opsPort | quote }}
MIGRATE_ON_BOOT: "false"
{{- with .Values.redisUrl }}
REDIS_URL: {{ . | quote }}
{{- end }}
{{- range $key, $value := .Values.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* DATABASE_URL from the existing Secret. */}}
{{- define "quartier.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.secretKey }}
{{- end -}}
