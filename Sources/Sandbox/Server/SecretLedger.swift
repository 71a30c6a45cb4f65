import Foundation
import NIOConcurrencyHelpers

/// `sandbox serve --record-secrets FILE`: every secret the sandbox hands out (the IdP's tokens,
/// STS secret keys and session tokens, Identity Center's tokens and identity contexts), one
/// `kind<TAB>value` line each, so a test can scan what qseek wrote for every one of them.
/// Off unless asked for; the file is created 0600.
final class SecretLedger: Sendable {
    private let handle: NIOLockedValueBox<FileHandle?>

    init(path: String?) {
        guard let path else {
            handle = NIOLockedValueBox(nil)
            return
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        handle = NIOLockedValueBox(descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil)
    }

    func record(_ kind: String, _ value: String) {
        handle.withLockedValue { $0?.write(Data("\(kind)\t\(value)\n".utf8)) }
    }
}
