import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// The one-shot decision shared by every connection: the first matching callback settles the
/// promise, later ones are refused.
final class CallbackGate: Sendable {
    let path: String
    let expectedState: String
    let promise: EventLoopPromise<AuthorizationCallback>
    private let settled = NIOLockedValueBox(false)

    init(path: String, expectedState: String, promise: EventLoopPromise<AuthorizationCallback>) {
        self.path = path
        self.expectedState = expectedState
        self.promise = promise
    }

    /// Completes the promise unless something already did. Returns whether this call won.
    @discardableResult
    func settle(_ result: Result<AuthorizationCallback, any Error>) -> Bool {
        let won = settled.withLockedValue { done -> Bool in
            if done { return false }
            done = true
            return true
        }
        if won { promise.completeWith(result) }
        return won
    }

    /// Decides the HTTP answer for one request to the receiver.
    func answer(method: HTTPMethod, uri: String) -> (status: HTTPResponseStatus, page: String) {
        guard method == .GET, let components = URLComponents(string: uri), components.path == path else {
            return (.notFound, CallbackPage.notFound)
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] where query[item.name] == nil {
            query[item.name] = item.value ?? ""
        }
        guard let state = query["state"], IDTokenVerifier.constantTimeEquals(state, expectedState) else {
            return (.badRequest, CallbackPage.foreignCallback)
        }
        if let error = query["error"] {
            let description = query["error_description"].map(TokenEndpoint.bounded)
            let callback = AuthorizationCallback.denied(error: TokenEndpoint.bounded(error), description: description)
            return settle(.success(callback)) ? (.ok, CallbackPage.failure(error: error, description: description)) : (.badRequest, CallbackPage.alreadyDone)
        }
        guard let code = query["code"], !code.isEmpty else {
            return (.badRequest, CallbackPage.foreignCallback)
        }
        return settle(.success(.code(code))) ? (.ok, CallbackPage.success) : (.badRequest, CallbackPage.alreadyDone)
    }
}
