/// The region, from an explicit value, `AWS_REGION`, `AWS_DEFAULT_REGION`, or the profile's `region`.
public enum RegionResolver {
    public static func region(explicit: String? = nil, environment: [String: String], profileRegion: String? = nil) -> String? {
        [explicit, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"], profileRegion]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
    }
}
