{{/* Resource name: the chart name (Deployment "bff-accounting") unless fullnameOverride says otherwise. */}}
{{- define "bff-accounting.fullname" -}}
{{- default .Chart.Name .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the pods: stable across upgrades, so they must never include the version. */}}
{{- define "bff-accounting.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Kubernetes' recommended labels. */}}
{{- define "bff-accounting.labels" -}}
{{ include "bff-accounting.selectorLabels" . }}
app.kubernetes.io/version: {{ include "bff-accounting.tag" . | quote }}
app.kubernetes.io/component: backend
app.kubernetes.io/part-of: accounting
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "bff-accounting.tag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{/* repository:tag, and @digest when the release pins one: the kubelet then pulls by the digest */}}
{{- define "bff-accounting.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "bff-accounting.tag" .) -}}
{{- with .Values.image.digest -}}@{{ . }}{{- end -}}
{{- end -}}

{{/* The container environment: plain values, then values read from existing Secrets. */}}
{{- define "bff-accounting.env" -}}
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- range .Values.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- end }}
