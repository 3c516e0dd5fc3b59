/// A stored event that shapes the registry (`agency.*`, `task.assigned`).
public struct RegistryEvent: Sendable {
    public var key: EventKey
    public var seq: Int64
    public var type: EventType
    public var corrects: String?
    public var occurredOn: LocalDate
    public var data: JSONObject

    public init(key: EventKey, seq: Int64, type: EventType, corrects: String?, occurredOn: LocalDate, data: JSONObject) {
        self.key = key
        self.seq = seq
        self.type = type
        self.corrects = corrects
        self.occurredOn = occurredOn
        self.data = data
    }
}
