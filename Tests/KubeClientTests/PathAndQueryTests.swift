import KubeModel
import Testing
@testable import KubeClient

@Suite struct PathAndQueryTests {
    @Test func corePathsUseAPIAndGroupsUseAPIs() {
        #expect(ResourceType.configMaps.path(namespace: "shop", name: "app") == "/api/v1/namespaces/shop/configmaps/app")
        #expect(ResourceType.deployments.path(namespace: "shop") == "/apis/apps/v1/namespaces/shop/deployments")
        #expect(ResourceType.deployments.path(namespace: nil) == "/apis/apps/v1/deployments")
        #expect(ResourceType.namespaces.path(namespace: "ignored", name: "shop") == "/api/v1/namespaces/shop")
        #expect(ResourceType.deployments.path(namespace: "shop", name: "web", subresource: "status")
            == "/apis/apps/v1/namespaces/shop/deployments/web/status")
    }

    @Test func namesAndQueriesArePercentEncoded() {
        #expect(ResourceType.secrets.path(namespace: "a b", name: "x/y") == "/api/v1/namespaces/a%20b/secrets/x%2Fy")
        let options = ListOptions(labelSelector: "app in (a,b),!legacy", fieldSelector: "metadata.name=web", limit: 2, continueToken: "abc+/=")
        #expect(PercentEncoding.query(options.query)
            == "labelSelector=app%20in%20%28a%2Cb%29%2C%21legacy&fieldSelector=metadata.name%3Dweb&limit=2&continue=abc%2B%2F%3D")
    }

    @Test func urlsKeepTheServerPathPrefix() {
        let request = APIRequest(method: "GET", path: "/api/v1/pods", query: [("limit", "1")], idempotent: true)
        #expect(request.url(server: "https://host:6443/k8s/clusters/c-1/") == "https://host:6443/k8s/clusters/c-1/api/v1/pods?limit=1")
        #expect(request.url(server: "http://127.0.0.1:8080") == "http://127.0.0.1:8080/api/v1/pods?limit=1")
    }

    @Test func watchQueryAsksForBookmarksAndServerTimeout() {
        let options = WatchOptions(labelSelector: "a=b", resourceVersion: "42", timeoutSeconds: 60)
        #expect(PercentEncoding.query(options.query)
            == "watch=true&labelSelector=a%3Db&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=60")
        #expect(options.idleTimeout == .seconds(90))
    }
}
