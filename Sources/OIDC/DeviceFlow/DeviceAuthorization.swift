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
        expiresIn = try c.decode(Double.self, forKey: .expiresIn)
        interval = try c.decodeIfPresent(Double.self, forKey: .interval)
    }
}

extension DeviceAuthorization: CustomStringConvertible, CustomReflectable {
    var description: String { "DeviceAuthorization(userCode: \(userCode), deviceCode: <redacted>)" }
    var customMirror: Mirror { Mirror(self, children: ["userCode": userCode, "verificationURI": verificationURI], displayStyle: .struct) }
}
