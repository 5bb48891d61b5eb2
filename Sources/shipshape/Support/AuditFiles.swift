import Checklist
import Foundation
import KubeModel

/// The files, directories (recursively) and `-` an audit was given, read document by document
/// with `SourceStream`, and read again if asked. Standard input is copied to an unlinked
/// temporary file as it is first read, so it too can be read again.
final class AuditFiles {
    private enum Input {
        case standardInput
        case file(String)
        case missing(InputProblem)
    }

    private let inputs: [Input]
    /// The copy of standard input, once it is first read.
    private enum Copy {
        case open(Int32)
        case failed(InputProblem)
    }

    private var copy: Copy?

    init(_ paths: [String]) {
        inputs = paths.flatMap { path -> [Input] in
            if path == "-" { return [.standardInput] }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return [.missing(InputProblem(file: path, message: "no such file or directory"))]
            }
            guard isDirectory.boolValue else { return [.file(path)] }
            let files = InputFiles.filesBelow(path)
            if files.isEmpty { return [.missing(InputProblem(file: path, message: "no .yaml, .yml or .json files found"))] }
            return files.map(Input.file)
        }
    }

    deinit {
        if case .open(let descriptor)? = copy { close(descriptor) }
    }

    /// Reads every input: each object of each readable document to `object`, each problem (a
    /// missing file, an unreadable document or List item) to `problem`, in input order.
    func read(object: (SourceObject) -> Void, problem: (InputProblem) -> Void) {
        for input in inputs {
            switch input {
            case .missing(let missing):
                problem(missing)
            case .standardInput:
                let keep = startCopy()
                read(STDIN_FILENO, name: "-", copy: keep, object: object, problem: problem)
            case .file(let path):
                let descriptor = open(path, O_RDONLY)
                guard descriptor >= 0 else {
                    problem(InputProblem(file: path, message: "cannot be read: \(String(cString: strerror(errno)))"))
                    continue
                }
                read(descriptor, name: path, object: object, problem: problem)
                close(descriptor)
            }
        }
    }

    /// Reads the same objects again, in the same order (problems are not reported twice);
    /// standard input from its copy. Returns why standard input could not be read again.
    func readAgain(object: (SourceObject) -> Void) -> InputProblem? {
        var failure: InputProblem?
        for input in inputs {
            switch input {
            case .missing:
                continue
            case .standardInput:
                switch copy {
                case .open(let descriptor)?:
                    lseek(descriptor, 0, SEEK_SET)
                    read(descriptor, name: "-", object: object, problem: { _ in })
                case .failed(let problem)?:
                    failure = problem
                case nil:
                    continue
                }
                copy = nil
            case .file(let path):
                let descriptor = open(path, O_RDONLY)
                guard descriptor >= 0 else { continue }
                read(descriptor, name: path, object: object, problem: { _ in })
                close(descriptor)
            }
        }
        return failure
    }

    private func read(
        _ descriptor: Int32, name: String, copy: ((UnsafeRawBufferPointer) -> Void)? = nil,
        object: (SourceObject) -> Void, problem: (InputProblem) -> Void
    ) {
        do {
            try SourceStream.forEachDocument(reading: descriptor, file: name, copy: copy) { document in
                switch document.objects {
                case .success(let objects): objects.forEach(object)
                case .failure(let error): problem(InputProblem(error, document: document.index))
                }
                for item in document.itemProblems { problem(InputProblem(item, document: document.index)) }
            }
        } catch {
            problem(InputProblem(file: name, line: error.line, message: error.message))
        }
    }

    /// Opens the copy of standard input (once: a second `-` reads nothing more) and returns
    /// what writes to it; nil when there is nothing to copy.
    private func startCopy() -> ((UnsafeRawBufferPointer) -> Void)? {
        guard copy == nil else { return nil }
        switch TemporaryFile.openUnlinked(prefix: "shipshape-stdin") {
        case .failure(let error):
            copy = .failed(InputProblem(file: "-", message: "too long to judge in one reading, and no temporary file for a second one: \(error.reason)"))
            return nil
        case .success(let descriptor):
            copy = .open(descriptor)
        }
        return { [weak self] bytes in
            guard case .open(let descriptor)? = self?.copy else { return }
            guard TemporaryFile.writeAll(bytes, to: descriptor) else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                self?.copy = .failed(InputProblem(file: "-", message: "too long to judge in one reading, and its copy for a second one failed: \(reason)"))
                return
            }
        }
    }
}
