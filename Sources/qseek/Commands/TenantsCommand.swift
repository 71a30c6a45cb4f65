import Accessor
import ArgumentParser
import Foundation
import HTTP
import LiveServices
import Terminal

/// `qseek tenants`: the tenants the signed-in user may use.
struct Tenants: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tenants", abstract: "List the tenants you may search (configured, filtered by the tenant claim; auth-code tenants always).")

    @OptionGroup var common: SignInCommonOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        var tenants: [Tenant] = []
        try await CommandContext.run(options: common) { environment in
            tenants = environment.config.identity.tenantClaim.isEmpty
                ? environment.tenants : environment.tenants(for: try await environment.signIn.validTokens())
        }
        if json {
            let list = tenants.map { tenant -> JSONValue in
                ["id": .string(tenant.id), "name": .string(tenant.name), "applicationId": .string(tenant.applicationID),
                 "retrieverId": .string(tenant.retrieverID), "region": .string(tenant.region), "idcRegion": .string(tenant.idcRegion),
                 "idcApplicationArn": .string(tenant.idcApplicationARN), "auth": .string(tenant.usesIdentityCenterSignIn ? "idc-auth-code" : "tti")]
            }
            StandardStreams.out(PassageOutput.encode(.array(list)) + "\n")
        } else {
            for tenant in tenants {
                let auth = tenant.usesIdentityCenterSignIn ? "\tsigns in at its Identity Center (qseek login --tenant \(tenant.id.sanitizedForTerminal))" : ""
                StandardStreams.out("\(tenant.id.sanitizedForTerminal)\t\(tenant.name.sanitizedForTerminal)\t\(tenant.region.sanitizedForTerminal)\(auth)\n")
            }
        }
    }
}
