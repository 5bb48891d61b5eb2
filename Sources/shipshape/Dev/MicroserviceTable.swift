import Foundation
import KubeClient
import KubeModel

/// What `kubectl get msvc -A` prints: the API server's Table for Microservices in every
/// namespace (its printer columns), laid out as kubectl's tab writer does.
enum MicroserviceTable {
    static func text(client: KubernetesClient) async -> String {
        let request = APIRequest(method: "GET", path: "/apis/shipshape.dev/v1alpha1/microservices",
                                 accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json", idempotent: true)
        do {
            let table = try JSONValue(parsingJSON: try await client.send(request).body)
            return layout(table)
        } catch {
            return "cannot list Microservices: \(DevApply.reason(error))"
        }
    }

    /// NAMESPACE, then the priority-0 columns; cells padded to the widest plus 3 (at least 6
    /// wide), the last column unpadded.
    static func layout(_ table: JSONValue) -> String {
        let definitions = table["columnDefinitions"]?.arrayValue ?? []
        let shown = definitions.indices.filter { (definitions[$0]["priority"]?.intValue ?? 0) == 0 }
        let rows = table["rows"]?.arrayValue ?? []
        guard !rows.isEmpty else { return "No resources found" }
        var lines: [[String]] = [["NAMESPACE"] + shown.map { (definitions[$0]["name"]?.stringValue ?? "").uppercased() }]
        for row in rows {
            let cells = row["cells"]?.arrayValue ?? []
            let namespace = row["object"]?["metadata"]?["namespace"]?.stringValue ?? ""
            lines.append([namespace] + shown.map { $0 < cells.count ? cell(cells[$0]) : "" })
        }
        let count = lines[0].count
        let widths = (0..<count).map { column in max(6, (lines.map { $0[column].count }.max() ?? 0) + 3) }
        return lines.map { line in
            line.enumerated().map { column, text in
                column == count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n")
    }

    private static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<none>"
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return value.jsonText()
        }
    }
}
