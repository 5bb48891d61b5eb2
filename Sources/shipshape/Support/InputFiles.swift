import Checklist
import Foundation
import KubeModel

/// Reads the files, directories (recursively) and `-` (standard input) a command was given
/// into source objects, in a stable order. Problems are collected, not thrown one at a time,
/// so one run reports every unreadable file and document; the readable documents of a file
/// with a bad one are still read.
enum InputFiles {
    struct Loaded {
        var objects: [SourceObject] = []
        var problems: [InputProblem] = []
        /// Each problem as `file:line: message`.
        var errors: [String] { problems.map(\.description) }
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
                loaded.problems.append(InputProblem(file: path, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let files = filesBelow(path)
                if files.isEmpty { loaded.problems.append(InputProblem(file: path, message: "no .yaml, .yml or .json files found")) }
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
            loaded.problems.append(InputProblem(file: path, message: "cannot be read"))
            return
        }
        read(data, name: path, into: &loaded)
    }

    private static func read(_ data: Data, name: String, into loaded: inout Loaded) {
        guard let text = String(data: data, encoding: .utf8) else {
            loaded.problems.append(InputProblem(file: name, message: "not UTF-8 text"))
            return
        }
        SourceReader.forEachDocument(in: text, file: name) { document in
            switch document.objects {
            case .success(let objects): loaded.objects += objects
            case .failure(let error): loaded.problems.append(InputProblem(error, document: document.index))
            }
            loaded.problems += document.itemProblems.map { InputProblem($0, document: document.index) }
        }
    }
}
