import KubeModel
import KubeSandbox
import Testing

/// Authentication, impersonation, RBAC and the review APIs, as the recorded `auth` cases
/// (513-530) and TokenRequest cases (188-189) show a real API server doing them.
@Suite struct AuthorizationTests {
    static let limited = "system:serviceaccount:fid-auth:limited"

    /// Namespace fid-auth with ServiceAccount `limited`, bound by RoleBinding `cm-reader` to a Role
    /// that may get ConfigMaps, and ConfigMap `readable`.
    static func setUp(_ admin: SandboxClient) async throws {
        #expect(try await admin.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "fid-auth"]]).status == 201)
        let base = "/api/v1/namespaces/fid-auth"
        #expect(try await admin.post(base + "/serviceaccounts", ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "limited"]]).status == 201)
        #expect(try await admin.post(base + "/configmaps", Fixtures.configMap("readable")).status == 201)
        let rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth"
        #expect(try await admin.post(rbac + "/roles", [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "cm-reader"],
            "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]]],
        ]).status == 201)
        #expect(try await admin.post(rbac + "/rolebindings", [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": ["name": "cm-reader"],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "cm-reader"],
            "subjects": [["kind": "ServiceAccount", "name": "limited", "namespace": "fid-auth"]],
        ]).status == 201)
    }

    @Test func anonymousMayReadOnlyPublicInfo() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let anonymous = SandboxClient(sandbox, admin: false)
            let namespaces = try await anonymous.get("/api/v1/namespaces")
            #expect(namespaces.status == 403)
            #expect(namespaces.json["details"] == ["kind": "namespaces"])
            #expect(try await anonymous.get("/version").status == 200)
            #expect(try await anonymous.get("/healthz").status == 200)
            let apis = try await anonymous.get("/apis")
            #expect(apis.status == 403)
            #expect(apis.json["message"] == "forbidden: User \"system:anonymous\" cannot get path \"/apis\"")
            #expect(try await SandboxClient(sandbox, headers: [("Authorization", "Bearer not-a-valid-token")], admin: false)
                .get("/api/v1/namespaces").status == 401)
        }
    }

    @Test func impersonatedServiceAccountIsHeldToItsRoleBinding() async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await Self.setUp(SandboxClient(sandbox))
            let limited = SandboxClient(sandbox, headers: [("Impersonate-User", Self.limited)])
            let secrets = try await limited.get("/api/v1/namespaces/fid-auth/secrets")
            #expect(secrets.status == 403)
            #expect(secrets.json["message"] == .string("secrets is forbidden: User \"\(Self.limited)\" cannot list resource \"secrets\" in API group \"\" in the namespace \"fid-auth\""))
            #expect(secrets.json["reason"] == "Forbidden")
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps/readable").status == 200)
            let create = try await limited.post("/api/v1/namespaces/fid-auth/configmaps", Fixtures.configMap("nope"))
            #expect(create.status == 403)
            #expect(create.json["message"]?.stringValue?.contains("cannot create resource \"configmaps\"") == true)
            #expect(try await limited.get("/api/v1/namespaces/fid-core/configmaps").status == 403)
            let nodes = try await limited.get("/api/v1/nodes")
            #expect(nodes.json["message"]?.stringValue?.hasSuffix("at the cluster scope") == true)
            let role = try await limited.post("/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth/roles", [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "escalate"],
                "rules": [["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]]],
            ])
            #expect(role.status == 403)
            #expect(role.json["details"] == ["group": "rbac.authorization.k8s.io", "kind": "roles"])
            #expect(await sandbox.requests().last?.user == Self.limited)
        }
    }

    @Test func impersonationNeedsTheImpersonateVerb() async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await Self.setUp(SandboxClient(sandbox))
            let token = try await SandboxClient(sandbox).post("/api/v1/namespaces/fid-auth/serviceaccounts/limited/token",
                                                              ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": [:]])
                .json["status"]?["token"]?.stringValue ?? ""
            let response = try await SandboxClient(sandbox, headers: [("Authorization", "Bearer " + token), ("Impersonate-User", "admin")], admin: false)
                .get("/api/v1/namespaces")
            #expect(response.status == 403)
            #expect(response.json["message"] == .string("users \"admin\" is forbidden: User \"\(Self.limited)\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope"))
        }
    }

    @Test func tokenRequestIssuesATokenThatAuthenticatesAsTheServiceAccount() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let admin = SandboxClient(sandbox)
            try await Self.setUp(admin)
            let issued = try await admin.post("/api/v1/namespaces/fid-auth/serviceaccounts/limited/token",
                                              ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": ["audiences": ["fid"], "expirationSeconds": 600]])
            #expect(issued.status == 201)
            #expect(issued.json["kind"] == "TokenRequest")
            #expect(issued.json["metadata"]?["name"] == "limited")
            #expect(issued.json["spec"] == ["audiences": ["fid"], "expirationSeconds": 600, "boundObjectRef": nil])
            #expect(issued.json["metadata"]?["managedFields"]?.arrayValue?.first?["subresource"] == "token")
            let token = try #require(issued.json["status"]?["token"]?.stringValue)
            let limited = SandboxClient(sandbox, headers: [("Authorization", "Bearer " + token)], admin: false)
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/secrets").status == 403)
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps/readable").status == 200)
            let whoami = try await limited.post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                                ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
            #expect(whoami.json["status"]?["userInfo"]?["username"] == .string(Self.limited))
            #expect(whoami.json["status"]?["userInfo"]?["groups"] == ["system:serviceaccounts", "system:serviceaccounts:fid-auth", "system:authenticated"])

            let missing = try await admin.post("/api/v1/namespaces/fid-auth/serviceaccounts/ghost/token",
                                               ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": [:]])
            #expect(missing.status == 404)
            #expect(missing.json["details"] == ["name": "ghost", "kind": "serviceaccounts"])

            #expect(try await admin.delete("/api/v1/namespaces/fid-auth/serviceaccounts/limited").status == 200)
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps/readable").status == 401,
                    "a deleted ServiceAccount's tokens no longer authenticate")
        }
    }

    @Test func accessReviewsAnswerCanI() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let admin = SandboxClient(sandbox)
            try await Self.setUp(admin)
            let review: JSONValue = [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                "spec": ["resourceAttributes": ["namespace": "fid-auth", "verb": "get", "resource": "secrets"]],
            ]
            let own = try await admin.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review)
            #expect(own.status == 201)
            #expect(own.json["status"] == ["allowed": true])
            #expect(own.json["spec"] == review["spec"])
            let impersonated = try await SandboxClient(sandbox, headers: [("Impersonate-User", Self.limited)])
                .post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review)
            #expect(impersonated.json["status"] == ["allowed": false])
            let subject = try await admin.post("/apis/authorization.k8s.io/v1/subjectaccessreviews", [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview",
                "spec": ["user": .string(Self.limited), "resourceAttributes": ["namespace": "fid-auth", "verb": "get", "resource": "configmaps"]],
            ])
            #expect(subject.status == 201)
            #expect(subject.json["status"] == [
                "allowed": true,
                "reason": "RBAC: allowed by RoleBinding \"cm-reader/fid-auth\" of Role \"cm-reader\" to ServiceAccount \"limited/fid-auth\"",
            ])
            let whoami = try await admin.post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                              ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
            #expect(whoami.json["status"]?["userInfo"] == ["username": "admin", "groups": ["system:masters", "system:authenticated"]])
        }
    }

    @Test func rolesAndBindingsCannotGrantMoreThanTheirAuthorHolds() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let admin = SandboxClient(sandbox)
            try await Self.setUp(admin)
            let rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth"
            #expect(try await admin.post(rbac + "/roles", [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "rbac-writer"],
                "rules": [["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": ["create"]]],
            ]).status == 201)
            #expect(try await admin.post(rbac + "/rolebindings", Self.binding("rbac-writer", role: ("Role", "rbac-writer"))).status == 201)
            let limited = SandboxClient(sandbox, headers: [("Impersonate-User", Self.limited)])
            let role = { (name: String, resource: String) -> JSONValue in
                ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": .string(name)],
                 "rules": [["apiGroups": [""], "resources": [.string(resource)], "verbs": ["get"]]]]
            }
            #expect(try await limited.post(rbac + "/roles", role("held", "configmaps")).status == 201)
            let escalating = try await limited.post(rbac + "/roles", role("more", "secrets"))
            #expect(escalating.status == 403)
            #expect(escalating.json["details"] == ["name": "more", "group": "rbac.authorization.k8s.io", "kind": "roles"])
            #expect(escalating.json["message"]?.stringValue?.contains("is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\"]}") == true)
            #expect(try await limited.post(rbac + "/rolebindings", Self.binding("held", role: ("Role", "held"))).status == 201)
            let admins = try await limited.post(rbac + "/rolebindings", Self.binding("admins", role: ("ClusterRole", "cluster-admin")))
            #expect(admins.status == 403)
            #expect(admins.json["details"]?["kind"] == "rolebindings")
        }
    }

    /// A RoleBinding in fid-auth of `role` to the ServiceAccount `limited`.
    static func binding(_ name: String, role: (kind: String, name: String)) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": ["name": .string(name)],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(role.kind), "name": .string(role.name)],
            "subjects": [["kind": "ServiceAccount", "name": "limited", "namespace": "fid-auth"]],
        ]
    }

    @Test func blockOwnerDeletionNeedsUpdateOnTheOwnersFinalizers() async throws {
        var options = SandboxOptions()
        options.ownerReferencesPermissionEnforcement = true
        try await KubeSandbox.withRunning(options) { sandbox in
            let admin = SandboxClient(sandbox)
            try await Self.setUp(admin)
            let owner = try await admin.get("/api/v1/namespaces/fid-auth/configmaps/readable").json
            let rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth"
            #expect(try await admin.post(rbac + "/roles", [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "cm-writer"],
                "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["create"]]],
            ]).status == 201)
            #expect(try await admin.post(rbac + "/rolebindings", Self.binding("cm-writer", role: ("Role", "cm-writer"))).status == 201)
            let limited = SandboxClient(sandbox, headers: [("Impersonate-User", Self.limited)])
            let dependent = { (name: String) -> JSONValue in
                var object = Fixtures.configMap(name)
                object["metadata"]?["ownerReferences"] = [[
                    "apiVersion": "v1", "kind": "ConfigMap", "name": "readable",
                    "uid": owner["metadata"]?["uid"] ?? "", "blockOwnerDeletion": true,
                ]]
                return object
            }
            let refused = try await limited.post("/api/v1/namespaces/fid-auth/configmaps", dependent("blocked"))
            #expect(refused.status == 403)
            #expect(refused.json["message"]?.stringValue?.hasPrefix("configmaps \"blocked\" is forbidden: cannot set blockOwnerDeletion if an ownerReference refers to a resource you can't set finalizers on") == true)
            #expect(try await admin.post(rbac + "/roles", [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "cm-finalizers"],
                "rules": [["apiGroups": [""], "resources": ["configmaps/finalizers"], "verbs": ["update"]]],
            ]).status == 201)
            #expect(try await admin.post(rbac + "/rolebindings", Self.binding("cm-finalizers", role: ("Role", "cm-finalizers"))).status == 201)
            #expect(try await limited.post("/api/v1/namespaces/fid-auth/configmaps", dependent("allowed")).status == 201)
        }
    }

    @Test func resourceNamesAllowAListOrWatchSelectingThatName() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let admin = SandboxClient(sandbox)
            try await Self.setUp(admin)
            let rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth"
            #expect(try await admin.post(rbac + "/roles", [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "one-cm"],
                "rules": [["apiGroups": [""], "resources": ["configmaps"], "resourceNames": ["readable"], "verbs": ["list"]]],
            ]).status == 201)
            #expect(try await admin.post(rbac + "/rolebindings", Self.binding("one-cm", role: ("Role", "one-cm"))).status == 201)
            let limited = SandboxClient(sandbox, headers: [("Impersonate-User", Self.limited)])
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps").status == 403)
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps?fieldSelector=metadata.name%3Dreadable").status == 200)
            #expect(try await limited.get("/api/v1/namespaces/fid-auth/configmaps?fieldSelector=metadata.name%3Dother").status == 403)
        }
    }
}
