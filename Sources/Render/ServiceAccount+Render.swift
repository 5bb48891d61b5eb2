import KubeModel

extension ServiceAccount {
    /// A dedicated ServiceAccount unless `serviceAccount.create` is false; its token is not
    /// mounted unless `automountToken` asks for it.
    init?(rendering context: RenderContext) {
        let account = context.spec.serviceAccount
        guard account?.create ?? true, let name = context.serviceAccountName else { return nil }
        self.init(metadata: context.metadata(name: name), automountServiceAccountToken: account?.automountToken ?? false)
    }
}
