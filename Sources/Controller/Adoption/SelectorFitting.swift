import KubeModel
import Render

/// A Deployment's selector is immutable, so a Microservice that adopted a Deployment keeps
/// rendering with that Deployment's selector for as long as it exists: the pod template carries
/// the selected labels (with the values the existing pods have, so old and new pods both match)
/// beside Shipshape's; the Service selects those labels, so it routes to old and new pods
/// throughout the rolling update; the PodDisruptionBudget and NetworkPolicy select what the
/// Deployment selects. Pure.
public enum SelectorFitting {
    /// `desired` fitted to the live Deployment's selector; unchanged when there is no live
    /// Deployment or it already has the rendered selector.
    public static func fitted(_ desired: [RenderedObject], toDeployment live: JSONValue?) -> [RenderedObject] {
        guard let live, let selector = live["spec"]?["selector"],
              let rendered = desired.first(where: { $0.kind == ChildKind.deployment.rawValue }),
              rendered.value["spec"]?["selector"] != selector else { return desired }
        let kept = keptLabels(selector: selector, template: live["spec"]?["template"]?["metadata"]?["labels"])
        return desired.map { object in
            var value = object.value
            switch ChildKind(rawValue: object.kind) {
            case .deployment?:
                value["spec"]?["selector"] = selector
                var labels = value["spec"]?["template"]?["metadata"]?["labels"]?.objectValue ?? [:]
                for (key, label) in kept { labels[key] = label }
                value["spec"]?["template"]?["metadata"]?["labels"] = .object(labels)
            case .service?:
                if value["spec"]?["selector"] != nil { value["spec"]?["selector"] = .object(kept) }
            case .podDisruptionBudget?:
                value["spec"]?["selector"] = selector
            case .networkPolicy?:
                value["spec"]?["podSelector"] = selector
            default:
                return object
            }
            return RenderedObject(owner: object.owner, value: value)
        }
    }

    /// The pod labels the selector depends on, with the values the existing pod template has
    /// (which satisfy the selector): its matchLabels, and the template's labels for the keys its
    /// matchExpressions name.
    static func keptLabels(selector: JSONValue, template: JSONValue?) -> JSONObject {
        var kept = selector["matchLabels"]?.objectValue ?? [:]
        for expression in selector["matchExpressions"]?.arrayValue ?? [] {
            guard let key = expression["key"]?.stringValue, kept[key] == nil, let value = template?[key] else { continue }
            kept[key] = value
        }
        return kept
    }
}
