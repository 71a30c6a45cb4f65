import AWS
import Foundation

// qseek-aws-probe: reads one JSON command on stdin, writes one JSON answer on stdout.
// Interop/aws/run.sh drives it to compare the AWS module with botocore and moto.
// Commands: sign, verify, serialize, eventstream, sts. See Interop/aws/README.md.

let input = FileHandle.standardInput.readDataToEndOfFile()
let answer: Any
do {
    guard let command = try JSONSerialization.jsonObject(with: input) as? [String: Any],
          let name = command["command"] as? String else {
        throw ProbeError.badInput("expected a JSON object with \"command\"")
    }
    switch name {
    case "sign": answer = try SignCommand.run(command)
    case "verify": answer = try VerifyCommand.run(command)
    case "serialize": answer = try SerializeCommand.run(command)
    case "eventstream": answer = EventStreamCommand.run(command)
    case "sts": answer = await STSCommand.run(command)
    default: throw ProbeError.badInput("unknown command \(name)")
    }
} catch {
    FileHandle.standardError.write(Data("qseek-aws-probe: \(error)\n".utf8))
    exit(2)
}
let output = try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])
FileHandle.standardOutput.write(output)
FileHandle.standardOutput.write(Data("\n".utf8))
