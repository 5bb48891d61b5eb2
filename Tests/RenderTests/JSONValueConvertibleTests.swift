import ShipshapeAPI
import Testing
@testable import KubeModel
@testable import Render

/// The hand-built `jsonValue` of each object type must be exactly what `Encodable` writes:
/// the same members, in the same order (compared as JSON text, which keeps order).
@Suite struct JSONValueConvertibleTests {
    @Test(arguments: GoldenTests.cases)
    func renderedObjectsMatchTheirCodableEncoding(_ name: String) throws {
        let output = Renderer().render(try GoldenTests.inputs(of: name))
        #expect(!output.objects.isEmpty)
        for object in output.objects {
            try expectSameEncoding(of: object.value)
        }
    }

    /// Fields the renderer never writes, so each conversion is checked on every member.
    @Test func everyFieldMatchesItsCodableEncoding() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              generateName: web-
              namespace: shop
              uid: 5d1c
              resourceVersion: "7"
              generation: 3
              creationTimestamp: "2026-01-01T00:00:00Z"
              deletionTimestamp: "2026-01-02T00:00:00Z"
              deletionGracePeriodSeconds: 30
              labels: {b: "2", a: "1"}
              annotations: {z: x, y: w}
              ownerReferences: [{apiVersion: v1, kind: X, name: x, uid: u, controller: true, blockOwnerDeletion: false}]
              finalizers: [f]
              managedFields: [{manager: kubectl, fieldsV1: {f:spec: {}}}]
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}]}
              strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 25%}}
              minReadySeconds: 5
              revisionHistoryLimit: 3
              progressDeadlineSeconds: 600
              paused: false
              template:
                metadata: {labels: {app: web}}
                spec:
                  volumes:
                  - {name: tmp, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
                  - {name: s, secret: {secretName: s, defaultMode: 420, optional: true}}
                  - {name: c, configMap: {name: c, defaultMode: 256, optional: false}}
                  initContainers: [{name: init, image: busybox, command: [sh, -c, "true"]}]
                  containers:
                  - name: api
                    image: web:1
                    command: [serve]
                    args: [--port, "8080"]
                    workingDir: /srv
                    ports: [{name: http, hostPort: 80, containerPort: 8080, protocol: TCP}]
                    envFrom: [{prefix: P_, configMapRef: {name: c, optional: true}}, {secretRef: {name: s, optional: false}}]
                    env:
                    - {name: A, value: "1"}
                    - {name: B, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}}
                    - {name: C, valueFrom: {configMapKeyRef: {name: c, key: k, optional: true}}}
                    - {name: D, valueFrom: {secretKeyRef: {name: s, key: k, optional: false}}}
                    resources: {limits: {memory: 256Mi, cpu: "1"}, requests: {cpu: 100m, ephemeral-storage: 1Gi}}
                    volumeMounts: [{name: tmp, readOnly: true, mountPath: /tmp, subPath: x}]
                    livenessProbe: {exec: {command: [check]}, initialDelaySeconds: 1, timeoutSeconds: 2, periodSeconds: 3, successThreshold: 1, failureThreshold: 5}
                    readinessProbe: {httpGet: {path: /ready, port: http, host: h, scheme: HTTPS}}
                    startupProbe: {grpc: {port: 9090, service: s}}
                    lifecycle:
                      postStart: {tcpSocket: {port: 80, host: h}}
                      preStop: {sleep: {seconds: 5}}
                    imagePullPolicy: IfNotPresent
                    securityContext:
                      capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
                      privileged: false
                      runAsUser: 1000
                      runAsGroup: 1000
                      runAsNonRoot: true
                      readOnlyRootFilesystem: true
                      allowPrivilegeEscalation: false
                      procMount: Default
                      seccompProfile: {type: Localhost, localhostProfile: p.json}
                  restartPolicy: Always
                  terminationGracePeriodSeconds: 30
                  dnsPolicy: ClusterFirst
                  nodeSelector: {zone: a, disk: ssd}
                  serviceAccountName: web
                  automountServiceAccountToken: false
                  hostNetwork: false
                  hostPID: false
                  hostIPC: false
                  securityContext: {runAsUser: 1, runAsGroup: 2, runAsNonRoot: true, supplementalGroups: [3, 4], fsGroup: 5, fsGroupChangePolicy: OnRootMismatch, seccompProfile: {type: RuntimeDefault}}
                  imagePullSecrets: [{name: pull}]
                  priorityClassName: high
                  enableServiceLinks: false
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}, minDomains: 2, nodeAffinityPolicy: Honor, nodeTaintsPolicy: Ignore, matchLabelKeys: [pod-template-hash]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{name: http, protocol: TCP, appProtocol: http, port: 80, targetPort: 8080, nodePort: 30080}]
              selector: {app: web}
              clusterIP: 10.0.0.1
              type: NodePort
              sessionAffinity: None
              internalTrafficPolicy: Local
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web}
            imagePullSecrets: [{name: pull}]
            automountServiceAccountToken: false
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web, apiVersion: apps/v1}
              minReplicas: 2
              maxReplicas: 5
              metrics:
              - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}
              - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 200Mi, value: 1Gi}}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 50%, selector: {matchLabels: {app: web}}, maxUnavailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress: [{from: [{podSelector: {}, namespaceSelector: {matchLabels: {team: a}}}, {ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}], ports: [{protocol: TCP, port: http, endPort: 90}]}]
              egress: [{to: [{namespaceSelector: {}}], ports: [{port: 53}]}]
            """
        let objects = try SourceReader.objects(in: text, file: "all-fields.yaml")
        #expect(objects.count == 6)
        for object in objects {
            try expectSameEncoding(of: object.value)
        }
    }

    /// Decodes `value` as the typed object of its kind, then compares both encodings.
    private func expectSameEncoding(of value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoder = JSONValueDecoder()
        let typed: any JSONValueConvertible
        switch value["kind"]?.stringValue {
        case "Deployment": typed = try decoder.decode(Deployment.self, from: value)
        case "Service": typed = try decoder.decode(KubeModel.Service.self, from: value)
        case "ServiceAccount": typed = try decoder.decode(ServiceAccount.self, from: value)
        case "HorizontalPodAutoscaler": typed = try decoder.decode(HorizontalPodAutoscaler.self, from: value)
        case "PodDisruptionBudget": typed = try decoder.decode(PodDisruptionBudget.self, from: value)
        case "NetworkPolicy": typed = try decoder.decode(NetworkPolicy.self, from: value)
        case let kind:
            Issue.record("no typed object for kind \(kind ?? "nil")", sourceLocation: sourceLocation)
            return
        }
        let codable = try JSONValueEncoder().encodeWithCodable(typed)
        #expect(typed.jsonValue.jsonText() == codable.jsonText(), sourceLocation: sourceLocation)
        // The typed object kept every member, so each one was compared above.
        #expect(codable == value, sourceLocation: sourceLocation)
    }
}
