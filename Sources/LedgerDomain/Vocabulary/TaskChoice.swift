/// How a task is offered in a template's drop-down list: its id, a dash, its title
/// ("KH2024-05 — Tập huấn nghiệp vụ…"). The id comes first so that a reader keeps only
/// it: an id never holds a space, so the first " — " ends it.
public enum TaskChoice {
    public static let separator = " — "

    /// The list entry for a task; long titles are cut so the entry stays readable.
    public static func text(id: String, title: String, limit: Int = 90) -> String {
        let shown = title.count > limit ? String(title.prefix(limit - 1)) + "…" : title
        return id + separator + shown
    }
}
