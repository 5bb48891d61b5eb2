import Foundation
import KubeModel

/// Reads the files, directories (recursively) and `-` (standard input) a command was given
/// into source objects, in a stable order. Problems are collected, not thrown one at a time,
/// so one run reports every unreadable file.
enum InputFiles {
    struct Loaded {
        var objects: [SourceObject] = []
        var errors: [String] = []
    }

    static let extensions: Set<String> = ["yaml", "yml", "json"]

    static func load(_ paths: [String]) -> Loaded {
        var loaded = Loaded()
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                read(data, name: "-", into: &loaded)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                loaded.errors.append("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                let files = filesBelow(path)
                if files.isEmpty { loaded.errors.append("\(path): no .yaml, .yml or .json files found") }
                for file in files { readFile(file, into: &loaded) }
            } else {
                readFile(path, into: &loaded)
            }
        }
        return loaded
    }

    /// Files with a YAML or JSON extension below `directory`, sorted, skipping hidden entries.
    static func filesBelow(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    private static func readFile(_ path: String, into loaded: inout Loaded) {
        guard let data = FileManager.default.contents(atPath: path) else {
            loaded.errors.append("\(path): cannot be read")
            return
        }
        read(data, name: path, into: &loaded)
    }

    private static func read(_ data: Data, name: String, into loaded: inout Loaded) {
        guard let text = String(data: data, encoding: .utf8) else {
            loaded.errors.append("\(name): not UTF-8 text")
            return
        }
        do {
            loaded.objects += try SourceReader.objects(in: text, file: name)
        } catch {
            loaded.errors.append(error.description)
        }
    }
}
