import Foundation

/// Test certificates made with the openssl CLI: a CA, a server certificate for the name
/// `kubernetes` only (not 127.0.0.1), a client certificate, and an unrelated CA.
struct TestCertificates {
    let dir: TemporaryDirectory

    init() throws {
        dir = try TemporaryDirectory()
        try dir.write("server.ext", "subjectAltName=DNS:kubernetes\n")
        try dir.write("client.ext", "extendedKeyUsage=clientAuth\n")
        try run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-subj", "/CN=test-ca", "-days", "2")
        try run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "other.key",
                "-out", "other.crt", "-subj", "/CN=other-ca", "-days", "2")
        for (name, subject) in [("server", "/CN=kubernetes"), ("client", "/CN=shipshape/O=system:masters")] {
            try run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "\(name).key",
                    "-out", "\(name).csr", "-subj", subject)
            try run("x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext")
        }
    }

    func pem(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + name))) }

    private func run(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EIO) }
    }
}

/// `openssl s_server -www` on an ephemeral loopback port, requiring a client certificate
/// signed by the test CA.
final class TLSServer: @unchecked Sendable {
    private let process = Process()
    let port: Int

    init(_ certificates: TestCertificates) throws {
        let output = Pipe()
        // stdbuf: s_server's stdout is block-buffered into a pipe; its ACCEPT line must come at once.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/stdbuf")
        process.arguments = ["-oL", "/usr/bin/openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", "server.crt", "-key", "server.key",
                             "-CAfile", "ca.crt", "-Verify", "1", "-www"]
        process.currentDirectoryURL = URL(fileURLWithPath: certificates.dir.path)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // s_server prints `ACCEPT 127.0.0.1:PORT` once it listens.
        var text = ""
        while !text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: { $0.hasPrefix("ACCEPT") }) {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
              let port = line.split(separator: ":").last.flatMap({ Int($0) })
        else { throw POSIXError(.EADDRNOTAVAIL) }
        self.port = port
    }

    deinit {
        // s_server does not exit on SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
