/// Input the probe cannot act on; it exits with status 2 and says why on stderr.
enum ProbeError: Error, CustomStringConvertible {
    case badInput(String)

    var description: String {
        switch self {
        case .badInput(let detail): return "bad input: \(detail)"
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw ProbeError.badInput("missing string \(key)") }
        return value
    }
}
