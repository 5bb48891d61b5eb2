import Foundation
import KubeModel

/// The ValidatingWebhookConfiguration `shipshape dev` registers: Deploy/base/webhook.yaml's
/// (a test holds the two equal), with the self-issued CA as every webhook's caBundle.
enum DevWebhookConfiguration {
    /// The Service the webhooks reference, as `SandboxOptions.serviceAddresses` keys it.
    static let service = "shipshape-system/shipshape-webhook:443"
    /// The DNS name the API server checks the webhook's certificate against.
    static let serviceDNSName = "shipshape-webhook.shipshape-system.svc"

    static func object(caBundlePEM: String) throws -> JSONValue {
        guard var configuration = try SourceReader.objects(in: yaml, file: "Deploy/base/webhook.yaml").first?.value else {
            throw CLIError.internal("the webhook configuration is empty")
        }
        let bundle = JSONValue.string(Data(caBundlePEM.utf8).base64EncodedString())
        configuration["webhooks"] = .array((configuration["webhooks"]?.arrayValue ?? []).map { webhook in
            var webhook = webhook
            webhook["clientConfig"]?["caBundle"] = bundle
            return webhook
        })
        return configuration
    }

    /// Deploy/base/webhook.yaml, without its comments.
    static let yaml = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: shipshape
          labels:
            app.kubernetes.io/name: shipshape
            app.kubernetes.io/component: webhook
            app.kubernetes.io/part-of: shipshape
        webhooks:
          - name: microservices.shipshape.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            timeoutSeconds: 5
            matchPolicy: Equivalent
            failurePolicy: Fail
            clientConfig:
              service: { name: shipshape-webhook, namespace: shipshape-system, path: /validate-microservice, port: 443 }
            rules:
              - apiGroups: ["shipshape.dev"]
                apiVersions: ["v1alpha1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["microservices"]
                scope: Namespaced
            namespaceSelector:
              matchExpressions:
                - { key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, shipshape-system] }
          - name: workloads.shipshape.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            timeoutSeconds: 5
            matchPolicy: Equivalent
            failurePolicy: Ignore
            clientConfig:
              service: { name: shipshape-webhook, namespace: shipshape-system, path: /validate-workload, port: 443 }
            rules:
              - apiGroups: ["apps"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["deployments", "statefulsets", "daemonsets"]
                scope: Namespaced
              - apiGroups: ["batch"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["jobs", "cronjobs"]
                scope: Namespaced
            namespaceSelector:
              matchExpressions:
                - { key: shipshape.dev/checklist, operator: In, values: [enforce] }
                - { key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, shipshape-system] }
          - name: workloads-warn.shipshape.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            timeoutSeconds: 5
            matchPolicy: Equivalent
            failurePolicy: Ignore
            clientConfig:
              service: { name: shipshape-webhook, namespace: shipshape-system, path: /validate-workload/warn, port: 443 }
            rules:
              - apiGroups: ["apps"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["deployments", "statefulsets", "daemonsets"]
                scope: Namespaced
              - apiGroups: ["batch"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["jobs", "cronjobs"]
                scope: Namespaced
            namespaceSelector:
              matchExpressions:
                - { key: shipshape.dev/checklist, operator: In, values: [warn] }
                - { key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, shipshape-system] }
        """
}
