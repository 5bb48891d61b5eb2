import Testing
@testable import KubeModel

@Suite struct CodingTests {
    struct Inner: Codable, Equatable { var b: Int; var a: String? }
    struct Outer: Codable, Equatable {
        var zeta: String
        var labels: [String: String]
        var inner: [Inner]
        var raw: JSONValue?
    }

    @Test func encoderKeepsDeclarationOrderAndSortsDictionaries() throws {
        let value = Outer(zeta: "z", labels: ["b": "2", "a": "1", "c": "3"], inner: [Inner(b: 1, a: nil)], raw: ["x": 1])
        let json = try JSONValueEncoder().encode(value)
        #expect(json.objectValue?.keys == ["zeta", "labels", "inner", "raw"])
        #expect(json["labels"]?.objectValue?.keys == ["a", "b", "c"])
        #expect(json["inner"]?.arrayValue?.first?.objectValue?.keys == ["b"])
        #expect(try JSONValueDecoder().decode(Outer.self, from: json) == value)
    }

    @Test func decoderNamesTheFailingField() {
        let json: JSONValue = ["zeta": "z", "labels": [:], "inner": [["b": "not a number"]]]
        do {
            _ = try JSONValueDecoder().decode(Outer.self, from: json)
            Issue.record("expected an error")
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["inner", "0", "b"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
