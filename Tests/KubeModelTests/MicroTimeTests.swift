import Foundation
import KubeModel
import Testing

@Suite struct MicroTimeTests {
    @Test("MicroTime writes microseconds in UTC and reads them back")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let text = MicroTime.format(date)
        #expect(text == "2023-11-14T22:13:20.123456Z")
        let parsed = try #require(MicroTime.parse(text))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
        #expect(MicroTime.parse("2023-11-14T22:13:20Z") == Date(timeIntervalSince1970: 1_700_000_000))
    }
}
