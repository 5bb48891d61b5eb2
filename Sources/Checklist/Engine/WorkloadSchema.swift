import KubeModel

extension Checklist {
    /// Where a workload breaks the Kubernetes schema in the fields the checklist reads: the
    /// shape problems (`shapeProblems(of:)`) and wrong types (`spec.replicas: "2"`, a container
    /// `image` that is a list, `env` that is a mapping, ...). Empty for other kinds. Rules read
    /// such fields as absent; `schema-valid` reports them.
    public static func schemaProblems(of object: JSONValue) -> [ShapeProblem] {
        guard let kind = object["kind"]?.stringValue.flatMap(WorkloadKind.init(rawValue:)) else { return [] }
        var check = TypeCheck(problems: shapeProblems(of: object))
        check.expect(object["metadata"], .object, at: .root.key("metadata"))
        check.metadata(object["metadata"], at: .root.key("metadata"))
        if kind != .pod {
            check.expect(object["spec"], .object, at: .root.key("spec"))
            check.metadata(object[kind.templatePath.key("metadata")], at: kind.templatePath.key("metadata"))
        }
        if kind.isReplicated { check.expect(object["spec"]?["replicas"], .integer, at: FieldPath(parsing: "spec.replicas")) }
        let specPath = kind.templatePath.key("spec")
        if let spec = object[specPath], case .object = spec { check.podSpec(spec, at: specPath) }
        return check.problems
    }
}

/// The JSON types the schema asks of the fields the rules read.
private enum FieldType: String {
    case string = "a string", integer = "an integer", boolean = "a boolean", object = "an object", list = "a list"
    /// A string or a number (`cpu: 100m`, `cpu: 1`).
    case quantity = "a quantity (a string or a number)"
    /// An integer or a string (a port by number or name).
    case intOrString = "an integer or a string"

    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.integer, .integer), (.boolean, .bool), (.object, .object), (.list, .array),
             (.quantity, .string), (.quantity, .integer), (.quantity, .number), (.intOrString, .integer), (.intOrString, .string):
            return true
        default:
            return false
        }
    }
}

/// Collects type problems; absent and null fields are fine (they are optional or reported as shape problems).
private struct TypeCheck {
    var problems: [ShapeProblem]

    mutating func expect(_ value: JSONValue?, _ type: FieldType, at path: FieldPath) {
        guard let value, !value.isNull, !type.accepts(value) else { return }
        problems.append(ShapeProblem(path: path, message: "must be \(type.rawValue), not \(value.typeName)"))
    }

    /// Each value of an object (labels, resource requests) must be of `type`.
    mutating func expectValues(_ value: JSONValue?, _ type: FieldType, at path: FieldPath) {
        expect(value, .object, at: path)
        for (key, member) in value?.objectValue ?? JSONObject() { expect(member, type, at: path.key(key)) }
    }

    /// Each element of a list must be of `type`; returns the elements that are objects, with their paths.
    @discardableResult
    mutating func expectElements(_ value: JSONValue?, _ type: FieldType, at path: FieldPath) -> [(JSONValue, FieldPath)] {
        expect(value, .list, at: path)
        var objects: [(JSONValue, FieldPath)] = []
        for (index, element) in (value?.arrayValue ?? []).enumerated() {
            let elementPath = path.index(index, name: element["name"]?.stringValue)
            expect(element, type, at: elementPath)
            if case .object = element { objects.append((element, elementPath)) }
        }
        return objects
    }

    mutating func metadata(_ metadata: JSONValue?, at path: FieldPath) {
        guard let metadata, case .object = metadata else { return }
        expect(metadata["name"], .string, at: path.key("name"))
        expect(metadata["namespace"], .string, at: path.key("namespace"))
        expectValues(metadata["labels"], .string, at: path.key("labels"))
        expectValues(metadata["annotations"], .string, at: path.key("annotations"))
    }

    mutating func podSpec(_ spec: JSONValue, at path: FieldPath) {
        for field in ["serviceAccountName"] { expect(spec[field], .string, at: path.key(field)) }
        for field in ["automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC"] {
            expect(spec[field], .boolean, at: path.key(field))
        }
        expect(spec["terminationGracePeriodSeconds"], .integer, at: path.key("terminationGracePeriodSeconds"))
        expect(spec["securityContext"], .object, at: path.key("securityContext"))
        securityContext(spec["securityContext"], at: path.key("securityContext"))
        expectElements(spec["volumes"], .object, at: path.key("volumes"))
        expectElements(spec["topologySpreadConstraints"], .object, at: path.key("topologySpreadConstraints"))
        for role in ContainerRole.allCases {
            for (index, container) in (spec[role.rawValue]?.arrayValue ?? []).enumerated() {
                guard case .object = container else { continue }  // a shape problem already
                self.container(container, at: path.key(role.rawValue).index(index, name: container["name"]?.stringValue))
            }
        }
    }

    mutating func container(_ container: JSONValue, at path: FieldPath) {
        expect(container["name"], .string, at: path.key("name"))
        expect(container["image"], .string, at: path.key("image"))
        for field in ["command", "args"] { expectElements(container[field], .string, at: path.key(field)) }
        for (port, portPath) in expectElements(container["ports"], .object, at: path.key("ports")) {
            expect(port["containerPort"], .integer, at: portPath.key("containerPort"))
            expect(port["hostPort"], .integer, at: portPath.key("hostPort"))
            expect(port["name"], .string, at: portPath.key("name"))
        }
        for (variable, variablePath) in expectElements(container["env"], .object, at: path.key("env")) {
            expect(variable["name"], .string, at: variablePath.key("name"))
            expect(variable["value"], .string, at: variablePath.key("value"))
        }
        expectElements(container["envFrom"], .object, at: path.key("envFrom"))
        let resources = container["resources"]
        expect(resources, .object, at: path.key("resources"))
        for field in ["requests", "limits"] { expectValues(resources?[field], .quantity, at: path.key("resources").key(field)) }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            expect(container[probe], .object, at: path.key(probe))
            for handler in ["httpGet", "tcpSocket", "grpc"] {
                expect(container[probe]?[handler]?["port"], handler == "grpc" ? .integer : .intOrString,
                       at: path.key(probe).key(handler).key("port"))
            }
        }
        expect(container["lifecycle"], .object, at: path.key("lifecycle"))
        expect(container["securityContext"], .object, at: path.key("securityContext"))
        securityContext(container["securityContext"], at: path.key("securityContext"))
    }

    mutating func securityContext(_ context: JSONValue?, at path: FieldPath) {
        guard let context, case .object = context else { return }
        for field in ["privileged", "allowPrivilegeEscalation", "runAsNonRoot", "readOnlyRootFilesystem"] {
            expect(context[field], .boolean, at: path.key(field))
        }
        for field in ["runAsUser", "runAsGroup"] { expect(context[field], .integer, at: path.key(field)) }
        expect(context["capabilities"], .object, at: path.key("capabilities"))
        expect(context["seccompProfile"], .object, at: path.key("seccompProfile"))
    }
}
