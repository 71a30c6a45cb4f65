import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file only its owner may read, from its first byte: the config qseek writes and the
/// conversations a user exports hold tenant names, questions and company text.
///
/// Foundation's `createFile(atPath:contents:attributes:)` writes a temporary file with the
/// default permissions and sets the mode afterwards, so for a moment anyone on the machine
/// can open it. Here the file is created by `open(O_CREAT | O_EXCL, 0600)`: it never exists
/// with other permissions, an existing file (or a symlink planted in its place) is never
/// written through, and a half-written file is removed.
public enum PrivateFile {
    public struct WriteError: Error, Sendable, Equatable {
        public var path: String
        public var reason: String

        /// What went wrong, in words, with the path.
        public var userMessage: String { "Could not write \(path): \(reason)." }
    }

    /// Creates `path` (which must not exist) with mode 0600 and writes `contents` to it.
    public static func create(atPath path: String, contents: Data) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw WriteError(path: path, reason: reason)
        }
        var failure: Int32 = 0
        // umask may have taken bits away, never added them; fchmod makes it exactly 0600.
        if fchmod(descriptor, 0o600) != 0 { failure = errno }
        if failure == 0 {
            failure = contents.withUnsafeBytes { buffer -> Int32 in
                var offset = 0
                while offset < buffer.count {
                    let written = writeBytes(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += written
                }
                return 0
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(path)
            throw WriteError(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Writes `contents` to `path` atomically: a private temporary file beside it, then
    /// renamed over it (`replacing`), or linked to it only if `path` does not exist yet.
    public static func write(atPath path: String, contents: Data, replacing: Bool) throws(WriteError) {
        let file = URL(fileURLWithPath: path)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp").path
        try create(atPath: temporary, contents: contents)
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } else {
            guard link(temporary, path) == 0 else {
                throw WriteError(path: path, reason: errno == EEXIST ? "it already exists" : String(cString: strerror(errno)))
            }
        }
    }
}

/// The system's `write(2)`, which `PrivateFile.write` hides inside the enum.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
