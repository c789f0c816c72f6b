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
{{- $trusted := list }}
{{- range $name, $key := .Values.nats.credentials.publicKeys }}
{{- $trusted = append $trusted (printf "%s=%s" $name $key) }}
{{- end }}
NATS_TRUSTED_KEYS: {{ join "," $trusted | quote }}
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

{{/* The Secret holding every app's NKey seed under `<app>.seed`: the operator's, or the chart's own made from nats.credentials.seeds. */}}
{{- define "quartier.natsSeedSecret" -}}
{{- $credentials := .Values.nats.credentials -}}
{{- if and $credentials.existingSecret $credentials.seeds -}}
{{- fail "nats.credentials: set existingSecret or seeds, not both" -}}
{{- else if $credentials.existingSecret -}}
{{- $credentials.existingSecret -}}
{{- else if $credentials.seeds -}}
{{- printf "%s-nats-seeds" (include "quartier.fullname" .) -}}
{{- else -}}
{{- fail "nats.credentials: the bus needs an NKey per app; set existingSecret (a Secret with <app>.seed keys) or seeds. `npm run bus:keys` generates them (values.yaml, nats)" -}}
{{- end -}}
{{- end -}}

{{/* Mount path of nats.tls.existingSecret. */}}
{{- define "quartier.natsTlsDir" -}}
/etc/quartier/nats-tls
{{- end -}}

{{/*
One app's bus credentials, (dict "root" $ "name" "identity"): its own seed and nothing else from the
seed Secret (a pod that holds another app's seed could act as that app), and the TLS files.
*/}}
{{- define "quartier.natsEnv" -}}
{{- $nats := .root.Values.nats -}}
{{- $secret := include "quartier.natsSeedSecret" .root -}}
{{- if not (index $nats.credentials.publicKeys .name) -}}
{{- fail (printf "nats.credentials.publicKeys.%s is missing: every app's public NKey goes into NATS_TRUSTED_KEYS" .name) -}}
{{- end -}}
{{- if and $nats.credentials.seeds (not (index $nats.credentials.seeds .name)) -}}
{{- fail (printf "nats.credentials.seeds.%s is missing" .name) -}}
{{- end -}}
- name: NATS_NKEY_SEED
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ printf "%s.seed" .name }}
{{- if $nats.tls.enabled }}
{{- if ne (empty $nats.tls.certKey) (empty $nats.tls.keyKey) }}
{{- fail "nats.tls: set both certKey and keyKey (a client certificate), or neither" }}
{{- end }}
{{- $dir := include "quartier.natsTlsDir" .root }}
{{- with $nats.tls.caKey }}
- name: NATS_TLS_CA_FILE
  value: {{ printf "%s/%s" $dir . | quote }}
{{- end }}
{{- with $nats.tls.certKey }}
- name: NATS_TLS_CERT_FILE
  value: {{ printf "%s/%s" $dir . | quote }}
{{- end }}
{{- with $nats.tls.keyKey }}
- name: NATS_TLS_KEY_FILE
  value: {{ printf "%s/%s" $dir . | quote }}
{{- end }}
{{- end }}
{{- end -}}
