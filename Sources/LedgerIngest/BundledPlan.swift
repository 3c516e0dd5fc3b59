import Foundation

/// Plans shipped with reformledger as ordinary event files (CONTRACT §3), loaded by
/// `init --with-plan NAME` through the same validation as any inbox file.
public enum BundledPlan {
    public static let available = ["soc-trang-2024"]

    /// The plan's event files, in the order they must be ingested.
    public static func files(named name: String) throws -> [String] {
        guard available.contains(name), let root = Bundle.module.resourceURL?.appendingPathComponent("Plans/\(name)") else {
            throw PlanNotFound(name: name)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        return names.map { root.appendingPathComponent($0).path }
    }

    public struct PlanNotFound: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "No bundled plan named “\(name)”; available: \(BundledPlan.available.joined(separator: ", "))." }
    }
}
