import Foundation
import KubeModel

extension ClusterStore {
    /// One page of a list, read at the revision `resourceVersion`/`resourceVersionMatch` ask for.
    /// Pages continue after the last key returned, from the snapshot at the first page's
    /// resourceVersion as etcd serves them; a continue token from before the last compaction is
    /// 410 Expired. Like the API server, remainingItemCount is given only without selectors.
    func list(_ type: ServedResource, namespace: String?, query: ListQuery) throws(SandboxError) -> ListPage {
        var start: String?
        var listRevision = revision
        if let token = query.continueToken {
            guard let decoded = ContinueToken(encoded: token) else {
                throw .api(.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"))
            }
            if decoded.revision < compactedRevision {
                throw .api(.expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."))
            }
            start = decoded.start
            listRevision = decoded.revision
        } else {
            listRevision = try self.listRevision(query)
        }
        let byKey = snapshot(type, at: listRevision)
        var keys = byKey.keys.sorted()
        if let start { keys = Array(keys.drop { $0 <= start }) }
        var items: [JSONValue] = []
        var lastKey: String?
        var index = keys.startIndex
        let limit = query.limit.flatMap { $0 > 0 ? $0 : nil }
        while index < keys.endIndex {
            if let limit, items.count == limit { break }
            let key = keys[index]
            index += 1
            guard let object = byKey[key] else { continue }
            if let namespace, type.namespaced, object.namespace != namespace { continue }
            guard query.matches(object.value) else { continue }
            items.append(served(object.value, as: type))
            lastKey = key
        }
        var page = ListPage(items: items, resourceVersion: listRevision)
        if index < keys.endIndex, let lastKey {
            let remaining = keys[index...].filter { key in
                guard let object = byKey[key] else { return false }
                if let namespace, type.namespaced, object.namespace != namespace { return false }
                return query.matches(object.value)
            }.count
            if remaining > 0 {
                page.continueToken = ContinueToken(revision: listRevision, start: lastKey).encoded
                if query.labelSelector == nil, query.fieldSelector == nil { page.remainingItemCount = remaining }
            }
        }
        return page
    }
}

/// The opaque `continue` value: the list's resourceVersion and the last key returned.
struct ContinueToken: Codable {
    var revision: Int
    var start: String

    init(revision: Int, start: String) {
        self.revision = revision
        self.start = start
    }

    init?(encoded: String) {
        guard let data = Data(base64Encoded: encoded),
              let token = try? JSONDecoder().decode(ContinueToken.self, from: data) else { return nil }
        self = token
    }

    var encoded: String {
        ((try? JSONEncoder().encode(self)) ?? Data()).base64EncodedString()
    }
}
