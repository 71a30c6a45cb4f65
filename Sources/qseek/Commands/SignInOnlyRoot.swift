import ArgumentParser

// The real root command is written on another branch. Until it is merged, Package.swift
// defines QSEEK_SIGNIN_ONLY_ROOT (only when Sources/qseek holds nothing but Commands/) so this
// branch's executable still builds and the sign-in commands can be run and interop-tested.
// Once a root command exists beside Commands/, the define is gone and this file is empty;
// delete it at merge time.
#if QSEEK_SIGNIN_ONLY_ROOT
    @main
    struct SignInOnlyRoot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qseek",
            abstract: "Sign-in commands of qseek (the full command set arrives with the root command).",
            subcommands: [Login.self, Logout.self, Whoami.self]
        )
    }
#endif
