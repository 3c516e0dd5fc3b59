import Foundation
import LedgerDomain

/// A query string or a form body (`application/x-www-form-urlencoded`) as browsers send
/// them: `+` is a space, `%XX` a byte; the first of repeated names wins.
enum QueryString {
    static func parse(_ text: String?) -> [String: String] {
        var values: [String: String] = [:]
        for pair in (text ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), values[name] == nil else { continue }
            values[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return values
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

/// The audit trail's filter from a query (`agency`, `type`, `from`, `to`, `q`, `before`,
/// `limit`); nil when a part is not valid. Empty parts mean "any".
enum EventQueryParameters {
    static func parse(_ values: [String: String]) -> EventQuery? {
        func present(_ name: String) -> String? {
            guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var query = EventQuery()
        if let agency = present("agency") {
            guard AgencyCode.isValid(agency) else { return nil }
            query.agency = agency
        }
        if let type = present("type") {
            guard EventType(rawValue: type) != nil else { return nil }
            query.type = type
        }
        for (name, keyPath) in [("from", \EventQuery.from), ("to", \EventQuery.to)] {
            if let text = present(name) {
                guard let date = LocalDate.parse(text) else { return nil }
                query[keyPath: keyPath] = date
            }
        }
        if let text = values["q"], !text.isEmpty {
            guard text.utf8.count <= 200 else { return nil }
            query.text = text
        }
        if let before = present("before") {
            guard let seq = Int64(before), seq > 0 else { return nil }
            query.before = seq
        }
        if let limit = present("limit") {
            guard let count = Int(limit), (1...1000).contains(count) else { return nil }
            query.limit = count
        }
        return query
    }
}
