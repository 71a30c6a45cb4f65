import Foundation
import TOML

// qseek-toml-probe decode                 TOML on stdin → toml-test's tagged JSON on stdout
//                                          (exit 1 with the error on stderr when invalid)
// qseek-toml-probe decode FILE...          one line per file: FILE <tab> ok <tab> JSON
//                                          or FILE <tab> error <tab> message
// qseek-toml-probe entry POINT FILE...     feeds each file through one of qseek's TOML readers
//                                          (config, theme, sandbox-tenants); one line per file:
//                                          FILE <tab> read|refused-syntax|refused-schema <tab> message

let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}

func line(_ fields: String...) {
    let cleaned = fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
    print(cleaned.joined(separator: "\t"))
}

switch arguments.first {
case "decode" where arguments.count == 1:
    let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    do {
        print(TaggedJSON.encode(try TOMLParser.parse(bytes: bytes)))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
case "decode":
    for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        do {
            line(path, "ok", TaggedJSON.encode(try TOMLParser.parse(bytes: [UInt8](data))))
        } catch {
            line(path, "error", "\(error)")
        }
    }
case "entry" where arguments.count >= 2:
    guard let point = EntryPoint(rawValue: arguments[1]) else { fail("entry points: \(EntryPoint.allCases.map(\.rawValue))") }
    for path in arguments.dropFirst(2) {
        let outcome = point.read(path)
        line(path, outcome.name, outcome.message)
    }
default:
    fail("usage: qseek-toml-probe decode [FILE...] | entry config|theme|sandbox-tenants FILE...")
}
