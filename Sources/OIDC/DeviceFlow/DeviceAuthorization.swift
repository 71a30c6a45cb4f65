import Foundation

/// The device authorization response (RFC 8628 §3.2).
struct DeviceAuthorization: Sendable, Decodable {
    var deviceCode: String
    var userCode: String
    var verificationURI: URL
    var verificationURIComplete: URL?
    var expiresIn: Double
    var interval: Double?

    enum CodingKeys: String, CodingKey {
        case deviceCode = "device_code"
        case userCode = "user_code"
        case verificationURI = "verification_uri"
        // Some IdPs (older Google, Azure AD v1) spell it `verification_url`.
        case verificationURL = "verification_url"
        case verificationURIComplete = "verification_uri_complete"
        case expiresIn = "expires_in"
        case interval
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        deviceCode = try c.decode(String.self, forKey: .deviceCode)
        userCode = try c.decode(String.self, forKey: .userCode)
        if let uri = try c.decodeIfPresent(URL.self, forKey: .verificationURI) {
            verificationURI = uri
        } else {
            verificationURI = try c.decode(URL.self, forKey: .verificationURL)
        }
        verificationURIComplete = try c.decodeIfPresent(URL.self, forKey: .verificationURIComplete)
        let lifetime = try c.decode(Double.self, forKey: .expiresIn)
        guard lifetime.isFinite, lifetime > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .expiresIn, in: c, debugDescription: "expires_in is not a positive number")
        }
        expiresIn = min(lifetime, Self.longestLifetime)
        interval = try c.decodeIfPresent(Double.self, forKey: .interval)
    }

    /// A device code that claims to last longer than a day is treated as lasting a day.
    static let longestLifetime: Double = 86_400
    /// The slowest polling believed: once a minute (RFC 8628 leaves it to the IdP; 5 s is usual).
    static let longestInterval: Double = 60

    /// `seconds` as a polling interval: at least 1 s, at most ``longestInterval`` (NaN too).
    static func pollingInterval(_ seconds: Double) -> Double {
        guard seconds.isFinite else { return longestInterval }
        return min(max(1, seconds), longestInterval)
    }
}

extension DeviceAuthorization: CustomStringConvertible, CustomReflectable {
    var description: String { "DeviceAuthorization(userCode: \(userCode), deviceCode: <redacted>)" }
    var customMirror: Mirror { Mirror(self, children: ["userCode": userCode, "verificationURI": verificationURI], displayStyle: .struct) }
}
