/// An OpenAPI document that could not be loaded: the file and what is wrong with it.
public struct SchemaFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
