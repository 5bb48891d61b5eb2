import Synchronization

/// JSON text as the cache keeps it: deflated against the preset dictionary of its kind
/// (`DeflateDictionary`), about a fifth of the text for objects alike, inflated when read. Text
/// that does not compress is kept as it is.
struct DeflatedJSON: Sendable, Equatable {
    /// The compressed bytes, or the text itself when `dictionary` is nil.
    private let bytes: [UInt8]
    private let length: UInt32
    private let dictionary: DeflateDictionary?

    /// `text` (JSON of an object of `kind`) compressed against the dictionary of `kind`.
    init(_ text: String, kind: String) {
        var text = text
        let (bytes, dictionary) = text.withUTF8 { utf8 -> ([UInt8], DeflateDictionary?) in
            let dictionary = DeflateDictionary.of(kind, sample: utf8)
            guard let compressed = Deflate.compress(utf8, dictionary: dictionary.bytes), compressed.count < utf8.count else {
                return (Array(utf8), nil)
            }
            return (compressed, dictionary)
        }
        self.bytes = bytes
        self.dictionary = dictionary
        length = UInt32(text.utf8.count)
    }

    /// The text's UTF-8 bytes (empty if they cannot be inflated, which zlib rules out for what it deflated).
    var utf8: [UInt8] {
        guard let dictionary else { return bytes }
        return Deflate.decompress(bytes, length: Int(length), dictionary: dictionary.bytes) ?? []
    }

    /// How many bytes are kept for the text.
    var storedCount: Int { bytes.count }

    static func == (lhs: DeflatedJSON, rhs: DeflatedJSON) -> Bool {
        if lhs.dictionary === rhs.dictionary { return lhs.length == rhs.length && lhs.bytes == rhs.bytes }
        return lhs.utf8 == rhs.utf8
    }
}

/// The preset dictionary objects of one kind are compressed against: the text of the first
/// object of that kind this process cached (its last 8 KiB, what deflate's window can reach).
/// Kept for the life of the process, one per kind; every `DeflatedJSON` holds the one it used.
final class DeflateDictionary: Sendable {
    let bytes: [UInt8]

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let byKind = Mutex<[String: DeflateDictionary]>([:])

    /// The dictionary of `kind`, made from `sample` if there is none yet.
    static func of(_ kind: String, sample: UnsafeBufferPointer<UInt8>) -> DeflateDictionary {
        byKind.withLock { dictionaries in
            if let existing = dictionaries[kind] { return existing }
            let made = DeflateDictionary(Array(sample.suffix(1 << Int(Deflate.windowBits))))
            dictionaries[kind] = made
            return made
        }
    }
}
