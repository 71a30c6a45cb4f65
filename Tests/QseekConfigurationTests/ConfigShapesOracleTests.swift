import QseekConfiguration
import TestSupport
import Testing

/// The hand-written shape checks accept exactly what their documented patterns accept: each is
/// compared with the Swift `Regex` it replaced, on values mutated from valid ones (so most are
/// near misses) and on the edge cases below.
struct ConfigShapesOracleTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var check: @Sendable (String) -> Bool
        var oracle: @Sendable (String) -> Bool
        var seeds: [String]
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "region", check: ConfigShapes.isRegion,
              oracle: { $0.wholeMatch(of: #/[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}/#) != nil },
              seeds: ["us-east-1", "us-gov-west-1", "us-isob-east-1", "eu-central-2", "ap-southeast-12", "us-iso-east-1", "us-gov-1"]),
        Shape(name: "role ARN", check: ConfigShapes.isRoleARN,
              oracle: { $0.wholeMatch(of: #/arn:aws(-[a-z]+)*:iam::[0-9]{12}:role\/[A-Za-z0-9_+=,.@\/-]{1,512}/#) != nil },
              seeds: ["arn:aws:iam::111122223333:role/qseek-data-accessor", "arn:aws-us-gov:iam::111122223333:role/path/to/Role_1+=,.@-",
                      "arn:aws-iso-b:iam::111122223333:role/r"]),
        Shape(name: "Identity Center application ARN", check: ConfigShapes.isIdCApplicationARN,
              oracle: { $0.wholeMatch(of: #/arn:aws(-[a-z]+)*:sso::[0-9]{12}:application\/[a-zA-Z0-9-]+\/[a-zA-Z0-9-]+/#) != nil },
              seeds: ["arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-1234567890abcdef",
                      "arn:aws-cn:sso::111122223333:application/a/b"]),
        Shape(name: "tenant id", check: ConfigShapes.isTenantID,
              oracle: { $0.count <= 1000 && $0.wholeMatch(of: #/[a-zA-Z0-9][a-zA-Z0-9_-]*/#) != nil },
              seeds: ["T0100ACME", "a", "tenant_1-x", "9-_"]),
        Shape(name: "resource id", check: ConfigShapes.isResourceID,
              oracle: { $0.wholeMatch(of: #/[a-zA-Z0-9][a-zA-Z0-9-]{35}/#) != nil },
              seeds: ["a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "000000000000000000000000000000000000"]),
    ]

    /// Characters the mutations draw from: the patterns' own alphabet, its near misses and a
    /// few that are not ASCII.
    static let alphabet = Array("aeiouszAZ09-_:/.@+=,!  é\u{0301}ß")

    @Test(arguments: shapes)
    func theHandWrittenCheckAgreesWithItsPattern(shape: Shape) {
        var random = SplitMix64(seed: 0x5EED)
        var cases = shape.seeds + ["", "-", "arn:aws:iam::111122223333:role/", "arn:aws:sso::111122223333:application//",
                                   String(repeating: "a", count: 1001), "arn:aws:iam::11112222333:role/x", "us-east-123"]
        for _ in 0..<RandomisedCases.count(full: 20_000, quick: 2_000) {
            var value = Array(shape.seeds[Int(random.next() % UInt64(shape.seeds.count))])
            for _ in 0...(random.next() % 3) {
                let position = value.isEmpty ? 0 : Int(random.next() % UInt64(value.count + 1))
                let character = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                switch random.next() % 3 {
                case 0 where position < value.count: value[position] = character
                case 1 where position < value.count: value.remove(at: position)
                default: value.insert(character, at: position)
                }
            }
            cases.append(String(value))
        }
        for value in cases {
            #expect(shape.check(value) == shape.oracle(value), "\(shape.name): \"\(value)\"")
        }
    }
}
