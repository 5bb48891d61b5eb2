import KubeModel

extension SandboxResponder {
    /// A verb the resource is not served with is refused as the API server refuses it (405): a
    /// collection delete of Namespaces, a read of a review.
    static func checkVerb(_ verb: String, _ type: ServedResource, subresource: String?) throws(SandboxError) {
        guard subresource == nil, !type.verbs.contains(verb) else { return }
        throw .api(.methodNotAllowed("the server does not allow this method on the requested resource"))
    }

    /// A resource nothing is stored for (a Binding, a TokenReview) answers its create without
    /// keeping the object, as a dry run would.
    static func storing(_ options: WriteOptions, _ type: ServedResource) -> WriteOptions {
        var options = options
        if !type.isStored { options.dryRun = true }
        return options
    }
}
