import KubeModel
import Testing
@testable import KubeClient

@Suite struct JSONStreamFramerTests {
    /// A recorded watch stream: bookmarks, braces and escaped quotes inside strings, unicode.
    static let recorded = """
        {"type":"ADDED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"1"},"data":{"k":"{not [a] brace}"}}}
        {"type":"MODIFIED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"2"},"data":{"q":"say \\"}\\" ok \\\\","u":"héllo ✓"}}}
        {"type":"BOOKMARK","object":{"kind":"ConfigMap","metadata":{"resourceVersion":"3"}}}
        {"type":"DELETED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"4"},"list":[1,[2,{"x":[]}]]}}

        """

    static var expectedFrames: [[UInt8]] {
        recorded.split(separator: "\n").map { Array($0.utf8) }
    }

    @Test func framesTheStreamSplitAtEveryByteOffset() throws {
        let bytes = Array(Self.recorded.utf8)
        for split in 0...bytes.count {
            var framer = JSONStreamFramer()
            let frames = try framer.append(bytes[..<split]) + framer.append(bytes[split...])
            #expect(frames == Self.expectedFrames, "split at \(split)")
            #expect(!framer.hasPartialFrame)
        }
    }

    @Test func framesTheStreamSplitAtEveryPairOfOffsets() throws {
        let bytes = Array(Self.recorded.utf8)
        for first in stride(from: 0, through: bytes.count, by: 7) {
            for second in first...bytes.count {
                var framer = JSONStreamFramer()
                let frames = try framer.append(bytes[..<first]) + framer.append(bytes[first..<second]) + framer.append(bytes[second...])
                #expect(frames == Self.expectedFrames, "splits at \(first), \(second)")
            }
        }
    }

    @Test func framesObjectsWithoutNewlinesAndByteByByte() throws {
        var framer = JSONStreamFramer()
        var frames: [[UInt8]] = []
        for byte in Array(#"{"a":1}{"b":"}"} {"c":[{}]}"#.utf8) { frames += try framer.append([byte]) }
        #expect(frames.map { String(decoding: $0, as: UTF8.self) } == [#"{"a":1}"#, #"{"b":"}"}"#, #"{"c":[{}]}"#])
    }

    @Test func reportsAPartialFrameAndRejectsGarbageAndOversizedEvents() throws {
        var framer = JSONStreamFramer()
        _ = try framer.append(Array(#"{"a":"#.utf8))
        #expect(framer.hasPartialFrame)
        var garbage = JSONStreamFramer()
        #expect(throws: KubeError.self) { try garbage.append(Array("<html>".utf8)) }
        var small = JSONStreamFramer(maxFrameBytes: 8)
        #expect(throws: KubeError.self) { try small.append(Array(#"{"a":"0123456789"}"#.utf8)) }
    }
}
