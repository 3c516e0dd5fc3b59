/// Escaping for the markup formats: HTML text and attributes, and WordprocessingML.
enum MarkupEscaping {
    /// Escapes `& < > "` (and `'` for HTML attributes). XML 1.0 forbids most control
    /// characters, so with `replacingControls` they become spaces.
    static func escape(_ text: String, apostrophe: Bool = true, replacingControls: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default:
                if replacingControls, let scalar = character.unicodeScalars.first, scalar.value < 0x20 { out += " " } else { out.append(character) }
            }
        }
        return out
    }
}
