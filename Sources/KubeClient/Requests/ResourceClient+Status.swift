import KubeModel

extension ResourceClient {
    /// The object named `name`, read through its status subresource.
    public func getStatus(_ name: String) async throws -> Object {
        try await decoded(APIRequest(method: "GET", path: try objectPath(name, subresource: "status"), idempotent: true))
    }

    /// Replaces the status of `object` (carrying its resourceVersion; 409 when stale). The
    /// server ignores changes outside `status`.
    public func replaceStatus(_ object: Object, options: WriteOptions = WriteOptions()) async throws -> Object {
        try await put(object, subresource: "status", options: options)
    }

    /// Applies a JSON merge patch to the status of the object named `name`.
    public func patchStatus(_ name: String, mergePatch: JSONValue, options: WriteOptions = WriteOptions()) async throws -> Object {
        try await sendMergePatch(name, patch: mergePatch, subresource: "status", options: options)
    }

    /// Server-side apply of the status subresource.
    public func applyStatus(_ object: Object, fieldManager: String, force: Bool = false) async throws -> Object {
        try await applyPatch(object, subresource: "status", fieldManager: fieldManager, force: force, dryRun: false)
    }
}

extension ResourceClient {
    /// The metadata of the object named `name`, without its spec, status or data.
    public func getMetadata(_ name: String) async throws -> PartialObjectMetadata {
        let request = APIRequest(method: "GET", path: try objectPath(name), accept: MetadataAccept.object, idempotent: true)
        return try await decoded(request, as: PartialObjectMetadata.self)
    }

    /// One page of metadata-only objects (Secrets without their data).
    public func listMetadata(_ options: ListOptions = ListOptions()) async throws -> ObjectList<PartialObjectMetadata> {
        try await listPage(options, accept: MetadataAccept.list)
    }

    /// A watch of metadata-only objects.
    public func watchMetadata(_ options: WatchOptions = WatchOptions()) async throws -> WatchStream<PartialObjectMetadata> {
        try await openWatch(options, accept: MetadataAccept.object)
    }
}
