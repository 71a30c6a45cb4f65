import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The on-disk sign-in: one JSON file per (issuer, client id, scopes) in a private directory.
///
/// The directory is 0700 and every file 0600 from the moment it exists (created with that
/// mode, never chmod-ed afterwards), so there is no window in which another user can read a
/// token. Writes go to a temporary file in the same directory and are renamed over the target,
/// so concurrent `qseek` processes each see a whole old file or a whole new one, never a torn
/// one. A file that cannot be read or parsed counts as "not signed in".
public struct TokenCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/qseek`, or `~/.cache/qseek` when it is unset or not absolute
    /// (XDG Base Directory spec: relative paths are invalid and ignored).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("qseek")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/qseek")
    }

    /// The cache key: a hash, so file names reveal nothing about the IdP or client.
    public static func key(issuer: String, clientID: String, scopes: [String]) -> String {
        let material = [issuer, clientID, scopes.sorted().joined(separator: " ")].joined(separator: "\n")
        return SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func fileURL(forKey key: String) -> URL {
        directory.appendingPathComponent("\(key).json")
    }

    public func load(key: String) -> TokenSet? {
        load(TokenSet.self, key: key)
    }

    public func store(_ tokens: TokenSet, key: String) throws {
        try store(value: tokens, key: key)
    }

    /// Any other sign-in kept the same way (an Identity Center refresh token per tenant).
    public func load<Value: Decodable>(_ type: Value.Type, key: String) -> Value? {
        guard let data = try? Data(contentsOf: fileURL(forKey: key)) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }

    public func store<Value: Encodable>(value: Value, key: String) throws {
        try ensureDirectory()
        let data = try JSONEncoder().encode(value)
        let target = fileURL(forKey: key)
        let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("create \(temporary.lastPathComponent)") }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw Self.failure("write \(target.lastPathComponent)")
        }
    }

    /// Forgets the sign-in. Missing files are fine: logging out twice is not an error.
    public func remove(key: String) throws {
        if unlink(fileURL(forKey: key).path) != 0 && errno != ENOENT {
            throw Self.failure("remove \(fileURL(forKey: key).lastPathComponent)")
        }
    }

    /// Runs `body` holding an exclusive lock that every qseek process using this cache
    /// shares (`flock` on `<key>.lock`), so only one of them refreshes a sign-in at a time:
    /// with an IdP that rotates refresh tokens, two refreshing at once would make one fail.
    public func withExclusiveLock<Result>(
        key: String, waitingAtMost timeout: Duration = .seconds(30),
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
    ) async throws -> Result {
        try ensureDirectory()
        let path = directory.appendingPathComponent(key + ".lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw Self.failure("open \(key).lock") }
        defer { close(descriptor) }  // closing also releases the lock
        let deadline = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw Self.failure("lock \(key).lock") }
            guard ContinuousClock.now < deadline else {
                throw TokenCacheError(action: "lock \(key).lock", reason: "another qseek process held it for \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    private func ensureDirectory() throws {
        let parent = directory.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        if mkdir(directory.path, 0o700) != 0 && errno != EEXIST {
            throw Self.failure("create \(directory.path)")
        }
        // An existing directory made by something else may be too open; tighten it. It must
        // be a real directory we own, not a symlink planted elsewhere.
        var info = stat()
        guard lstat(directory.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else {
            throw Self.failure("use \(directory.path): it is not a directory owned by this user")
        }
        if info.st_mode & 0o077 != 0, chmod(directory.path, 0o700) != 0 {
            throw Self.failure("restrict \(directory.path) to mode 0700")
        }
    }

    private static func failure(_ action: String) -> TokenCacheError {
        TokenCacheError(action: action, reason: String(cString: strerror(errno)))
    }
}

/// A token cache file operation failed. Carries paths and errno text only.
public struct TokenCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    public var action: String
    public var reason: String
    public var description: String { "Could not \(action) in the token cache: \(reason). Check the permissions of the cache directory." }
}
