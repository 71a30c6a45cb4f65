/// qseek's version, for `--version` and for what it tells servers (the HTTP user agent, the
/// MCP server's name): a library builds the services, so it names the version too.
public enum QseekVersion {
    /// The release number; `scripts/release.sh` names the tarball after it.
    public static let number = "0.2.0"
    /// What `--version` prints: the number and the commit it was built from.
    public static let current = "\(number) (commit \(BuildInfo.commit))"
}
