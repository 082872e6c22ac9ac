import Foundation

// Touch Foundation so that it is really loaded and initialized, as in policy-search.
print("hello \(ProcessInfo.processInfo.processIdentifier) \(Date().timeIntervalSince1970 > 0)")
