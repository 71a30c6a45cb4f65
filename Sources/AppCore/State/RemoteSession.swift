import Accessor

/// Whether qseek runs over SSH, and what an auth-code sign-in then needs: the browser is on the
/// user's own machine, so the tenant's Identity Center redirects it to a loopback port there,
/// which only reaches qseek when that port is forwarded.
public struct RemoteSession: Sendable, Equatable {
    public var isOverSSH: Bool

    public init(isOverSSH: Bool = false) {
        self.isOverSSH = isOverSSH
    }

    /// Read from the variables sshd sets for a session.
    public init(environment: [String: String]) {
        self.isOverSSH = ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"].contains { environment[$0]?.isEmpty == false }
    }

    /// The forwarding the user needs before signing in at `tenant`'s Identity Center; nil
    /// when not over SSH or the tenant signs in through the ISV's IdP.
    public func portForwarding(for tenant: Tenant) -> PortForwarding? {
        guard isOverSSH, let port = tenant.callbackPort else { return nil }
        return PortForwarding(port: port)
    }
}

/// A local port forwarding over SSH, for the browser's redirect back to qseek.
public struct PortForwarding: Sendable, Equatable {
    public var port: Int

    /// The command to run on the user's own machine, whole so it can be copied.
    public var command: String { "ssh -L \(port):127.0.0.1:\(port) <this host>" }

    /// One sentence, for the status line.
    public var sentence: String { "Over SSH, the browser's redirect needs port \(port) forwarded to this machine: \(command)" }
}
