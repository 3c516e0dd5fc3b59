import LedgerDomain

/// The settings ingestion needs, taken from `LedgerConfiguration`.
public struct IngestOptions: Sendable {
    public var maxFileBytes: Int
    public var csvFallback: LedgerConfiguration.CSVFallbackEncoding
    public var coordinators: Set<String>
    public var zone: LocalZone

    public init(configuration: LedgerConfiguration) {
        maxFileBytes = configuration.maxFileBytes
        csvFallback = configuration.csvFallbackEncoding
        coordinators = Set(configuration.coordinators)
        zone = configuration.zone
    }
}
