// Requests, responses, the transport and its errors are the HTTP module's; AWS's callers
// (Accessor, Assistant, the executable) pass them through AWS's API, so they see them here
// without importing the transport layer themselves.
@_exported import HTTP
