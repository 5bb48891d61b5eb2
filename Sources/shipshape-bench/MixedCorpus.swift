/// A realistic mixed manifest corpus, modelled on public microservice demo apps (a shop's
/// frontend and services with mesh sidecars, Redis and Postgres StatefulSets, backup CronJobs,
/// a log-shipping DaemonSet, Ingresses, RBAC, CRDs, a `kind: List`): comments, anchors and
/// aliases, flow and block style, long literal strings. Deterministic: stack `n` is always the same.
struct MixedCorpus {
    /// Multi-document YAML of about `documents` documents (whole stacks, so a few more).
    static func text(documents: Int) -> String {
        var text = crds()
        var stack = 0
        while documentCount(text) < documents {
            text += MixedCorpus(index: stack).stack()
            stack += 1
        }
        return text
    }

    /// Documents in a stream: the non-empty pieces between `---` separator lines.
    static func documentCount(_ text: String) -> Int {
        text.split(separator: "\n---\n").filter { $0.contains { !$0.isWhitespace } }.count
    }

    let index: Int
    var namespace: String { ["shop", "payments", "catalog", "platform", "search"][index % 5] + "-\(index / 5)" }
    var careless: Bool { index % 4 == 3 }
    var service: String { ["frontend", "cartservice", "checkout", "currency", "emailservice", "recommendation", "adservice", "shipping"][index % 8] }

    /// One team's stack: about 25 documents.
    func stack() -> String {
        [namespaceAndRBAC(), deployment(), serviceAndIngress(), redis(), postgres(), cronJob(), configMaps(), daemonSet(), policies(), list()]
            .joined()
    }

    private func namespaceAndRBAC() -> String {
        """
        # Namespace and access for the \(namespace) team.
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(namespace)
          labels: {team: \(namespace), istio-injection: enabled}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: \(service), namespace: \(namespace)}
        automountServiceAccountToken: false
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: \(service)-reader, namespace: \(namespace)}
        rules:
          - apiGroups: [""]
            resources: [configmaps, secrets]
            verbs: [get, list, watch]
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: \(service)-reader, namespace: \(namespace)}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: \(service)-reader}
        subjects:
          - {kind: ServiceAccount, name: \(service), namespace: \(namespace)}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: \(namespace)-metrics}
        rules:
          - nonResourceURLs: [/metrics]
            verbs: [get]
        ---

        """
    }

    private func deployment() -> String {
        let tag = careless ? "latest" : "v0.\(index % 10).\(index % 3)"
        return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(service)
          namespace: \(namespace)
          labels:
            app.kubernetes.io/name: \(service)
            app.kubernetes.io/part-of: online-boutique
            app.kubernetes.io/version: "\(tag)"
          annotations:
            description: >-
              The \(service) service of the demo shop, stack \(index). It serves gRPC to its
              peers and exposes Prometheus metrics on port 9090.
        spec:
          replicas: \(careless ? 1 : 3)
          revisionHistoryLimit: 5
          selector:
            matchLabels: &selector
              app: \(service)
          strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}
          template:
            metadata:
              labels:
                app: \(service)
                version: "\(tag)"
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: "9090"
                sidecar.istio.io/proxyCPU: 50m
            spec:
              serviceAccountName: \(service)
              terminationGracePeriodSeconds: 30
              securityContext:
                runAsNonRoot: true
                runAsUser: 1000
                fsGroup: 1000
                seccompProfile: {type: RuntimeDefault}
              initContainers:
                - name: wait-for-db
                  image: busybox:1.36
                  command: ["sh", "-c", "until nc -z postgres 5432; do echo waiting; sleep 2; done"]
                  resources: &small
                    requests: {cpu: 10m, memory: 16Mi}
                    limits: {cpu: 50m, memory: 32Mi}
              containers:
                - name: server
                  image: us-docker.pkg.dev/google-samples/microservices-demo/\(service):\(tag)
                  ports:
                    - {name: grpc, containerPort: 8080}
                    - {name: metrics, containerPort: 9090}
                  env:
                    - name: PORT
                      value: "8080"
                    - {name: REDIS_ADDR, value: "redis-cart:6379"}
                    - name: \(careless ? "DB_PASSWORD" : "DB_PASSWORD_FILE")
                      value: \(careless ? "hunter2" : "/var/run/secrets/db/password")
                    - name: POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                    - name: DISABLE_PROFILER
                      value: "1"
                  envFrom:
                    - configMapRef: {name: \(service)-config}
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {\(careless ? "" : "cpu: 200m, ")memory: 128Mi}
                  readinessProbe:
                    grpc: {port: 8080}
                    periodSeconds: 5
                  livenessProbe:
                    grpc: {port: 8080}
                    initialDelaySeconds: 15
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: tmp, mountPath: /tmp}
                    - {name: db, mountPath: /var/run/secrets/db, readOnly: true}
                # The mesh sidecar, as an injector would add it.
                - name: istio-proxy
                  image: docker.io/istio/proxyv2:1.22.3
                  args: [proxy, sidecar, --domain, \(namespace).svc.cluster.local, --proxyLogLevel=warning]
                  ports: [{name: http-envoy-prom, containerPort: 15090, protocol: TCP}]
                  resources: *small
                  securityContext: {allowPrivilegeEscalation: false, runAsUser: 1337, runAsGroup: 1337, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                - name: log-forwarder
                  image: fluent/fluent-bit:3.0\(careless ? "" : ".7")
                  resources: *small
              volumes:
                - name: tmp
                  emptyDir: {medium: Memory, sizeLimit: 64Mi}
                - name: db
                  secret: {secretName: \(service)-db, defaultMode: 0400}
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: topology.kubernetes.io/zone
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector: {matchLabels: *selector}
        ---

        """
    }

    private func serviceAndIngress() -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(service), namespace: \(namespace), labels: {app: \(service)}}
        spec:
          type: ClusterIP
          selector: {app: \(service)}
          ports:
            - {name: grpc, port: 8080, targetPort: grpc}
            - {name: metrics, port: 9090, targetPort: metrics}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: \(service)
          namespace: \(namespace)
          annotations:
            nginx.ingress.kubernetes.io/backend-protocol: GRPC
            cert-manager.io/cluster-issuer: letsencrypt
        spec:
          ingressClassName: nginx
          tls:
            - hosts: [\(service).\(namespace).example.com]
              secretName: \(service)-tls
          rules:
            - host: \(service).\(namespace).example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: \(service), port: {name: grpc}}}
        ---

        """
    }

    private func redis() -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis-cart, namespace: \(namespace)}
        spec:
          serviceName: redis-cart
          replicas: \(careless ? 1 : 3)
          selector: {matchLabels: {app: redis-cart}}
          template:
            metadata: {labels: {app: redis-cart}}
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 999, fsGroup: 999}
              containers:
                - name: redis
                  image: redis:7.2.5-alpine
                  args: [--appendonly, "yes", --maxmemory, 200mb]
                  ports: [{name: redis, containerPort: 6379}]
                  readinessProbe: {tcpSocket: {port: 6379}, periodSeconds: 5}
                  livenessProbe: {exec: {command: [redis-cli, ping]}, periodSeconds: 10}
                  resources: {requests: {cpu: 70m, memory: 200Mi}, limits: {memory: 256Mi}}
                  volumeMounts: [{name: data, mountPath: /data}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 1Gi}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis-cart, namespace: \(namespace)}
        spec:
          clusterIP: None
          selector: {app: redis-cart}
          ports: [{name: redis, port: 6379, targetPort: 6379}]
        ---

        """
    }

    private func postgres() -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: postgres, namespace: \(namespace)}
        spec:
          serviceName: postgres
          replicas: 1
          selector: {matchLabels: {app: postgres}}
          template:
            metadata: {labels: {app: postgres}}
            spec:
              containers:
                - name: postgres
                  image: postgres:16.3
                  env:
                    - {name: POSTGRES_DB, value: orders}
                    - name: POSTGRES_PASSWORD
                      valueFrom: {secretKeyRef: {name: postgres, key: password}}
                    - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}
                  ports: [{name: postgres, containerPort: 5432}]
                  readinessProbe: {exec: {command: [pg_isready, -U, postgres]}, periodSeconds: 10}
                  resources: {requests: {cpu: 250m, memory: 512Mi}\(careless ? "" : ", limits: {memory: 1Gi}")}
                  volumeMounts:
                    - {name: data, mountPath: /var/lib/postgresql/data}
                    - {name: init, mountPath: /docker-entrypoint-initdb.d}
              volumes:
                - name: init
                  configMap: {name: postgres-init}
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: postgres-init, namespace: \(namespace)}
        data:
          init.sql: |
            -- Schema for the \(namespace) orders database.
            CREATE TABLE IF NOT EXISTS orders (
              id          BIGSERIAL PRIMARY KEY,
              customer_id BIGINT NOT NULL,
              created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
              total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
              currency    CHAR(3) NOT NULL DEFAULT 'EUR'
            );
            CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id, created_at DESC);
            CREATE TABLE IF NOT EXISTS order_items (
              order_id   BIGINT REFERENCES orders (id) ON DELETE CASCADE,
              product_id TEXT NOT NULL,
              quantity   INT NOT NULL CHECK (quantity > 0)
            );
        ---

        """
    }

    private func cronJob() -> String {
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: postgres-backup, namespace: \(namespace)}
        spec:
          schedule: "\(index % 60) 3 * * *"
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          jobTemplate:
            spec:
              backoffLimit: 2
              activeDeadlineSeconds: 3600
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: postgres:16.3
                      command:
                        - /bin/sh
                        - -c
                        - |
                          set -eu
                          pg_dump --format=custom --file=/backup/orders-$(date +%F).dump orders
                          find /backup -name 'orders-*.dump' -mtime +14 -delete
                      env:
                        - name: PGPASSWORD
                          valueFrom: {secretKeyRef: {name: postgres, key: password}}
                      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
                      volumeMounts: [{name: backup, mountPath: /backup}]
                  volumes:
                    - name: backup
                      persistentVolumeClaim: {claimName: postgres-backup}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate-\(index), namespace: \(namespace)}
        spec:
          ttlSecondsAfterFinished: 600
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: migrate/migrate:v4.17.1
                  args: [-path=/migrations, "-database=postgres://postgres:5432/orders?sslmode=disable", up]
        ---

        """
    }

    private func configMaps() -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(service)-config
          namespace: \(namespace)
        data:
          LOG_LEVEL: info
          FEATURE_FLAGS: "checkout-v2,recommendations"
          CURRENCY_SERVICE_ADDR: currency:7000
          nginx.conf: |
            worker_processes auto;
            events { worker_connections 1024; }
            http {
              server {
                listen 8080;
                location /healthz { return 200 'ok'; }
                location / {
                  proxy_pass http://127.0.0.1:9000;
                  proxy_set_header Host $host;
                  proxy_set_header X-Request-Id $request_id;
                }
              }
            }
          long-description: "\(String(repeating: "A deliberately long single-line value, as generated config often has. ", count: 12))"
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: \(service)-db, namespace: \(namespace)}
        type: Opaque
        stringData:
          password: not-a-real-password-\(index)
        ---

        """
    }

    private func daemonSet() -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: log-shipper, namespace: \(namespace), labels: {app: log-shipper}}
        spec:
          selector: {matchLabels: {app: log-shipper}}
          updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}
          template:
            metadata: {labels: {app: log-shipper}}
            spec:
              tolerations:
                - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
              containers:
                - name: fluent-bit
                  image: fluent/fluent-bit:3.0.7
                  resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
                  securityContext: {privileged: \(careless ? "true" : "false"), readOnlyRootFilesystem: true}
                  volumeMounts:
                    - {name: varlog, mountPath: /var/log, readOnly: true}
              volumes:
                - name: varlog
                  hostPath: {path: /var/log}
        ---

        """
    }

    private func policies() -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: \(service), namespace: \(namespace)}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: \(service)}
          minReplicas: \(careless ? 1 : 3)
          maxReplicas: 10
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: \(service), namespace: \(namespace)}
        spec:
          maxUnavailable: 1
          selector: {matchLabels: {app: \(service)}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(service), namespace: \(namespace)}
        spec:
          podSelector: {matchLabels: {app: \(service)}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
              ports: [{port: 8080}]
          egress:
            - to: [{podSelector: {matchLabels: {app: redis-cart}}}]
              ports: [{port: 6379}]
            - ports: [{port: 53, protocol: UDP}]
        ---

        """
    }

    private func list() -> String {
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: \(service)-flags, namespace: \(namespace)}
            data: {rollout: "25", canary: "false"}
          - apiVersion: v1
            kind: Service
            metadata: {name: \(service)-canary, namespace: \(namespace)}
            spec:
              selector: {app: \(service), track: canary}
              ports: [{port: 8080, targetPort: 8080}]
        ---

        """
    }

    /// Two CustomResourceDefinitions in the style of Argo CD's: deep schemas, long descriptions.
    private static func crds() -> String {
        ["Application", "AppProject"].map { kind in
            let plural = kind.lowercased() + "s"
            let indent = String(repeating: " ", count: 16)
            let fields = (0..<40).map { field in
                indent + "field\(field):\n"
                    + indent + "  description: |-\n"
                    + indent + "    Field \(field) of the \(kind) spec. It controls one aspect of how the\n"
                    + indent + "    resource is reconciled; see the upstream documentation for details.\n"
                    + indent + "  type: \(["string", "integer", "boolean", "object"][field % 4])"
            }.joined(separator: "\n")
            return """
            # Source: argo-cd/templates/crds/\(plural).yaml
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: \(plural).argoproj.io
              labels: {app.kubernetes.io/name: \(plural).argoproj.io, app.kubernetes.io/part-of: argocd}
            spec:
              group: argoproj.io
              names: {kind: \(kind), listKind: \(kind)List, plural: \(plural), singular: \(kind.lowercased())}
              scope: Namespaced
              versions:
                - name: v1alpha1
                  served: true
                  storage: true
                  additionalPrinterColumns:
                    - {jsonPath: .status.sync.status, name: Sync Status, type: string}
                    - {jsonPath: .status.health.status, name: Health Status, type: string}
                  schema:
                    openAPIV3Schema:
                      description: \(kind) is a definition of \(kind) resource.
                      type: object
                      required: [metadata, spec]
                      properties:
                        apiVersion:
                          description: 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'
                          type: string
                        kind: {type: string}
                        metadata: {type: object}
                        spec:
                          type: object
                          properties:
            \(fields)
                  subresources: {status: {}}
            ---

            """
        }.joined()
    }
}
