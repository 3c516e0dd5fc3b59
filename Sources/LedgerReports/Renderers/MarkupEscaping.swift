import LedgerDomain

/// Escaping for the markup formats: HTML text and attributes, and WordprocessingML.
enum MarkupEscaping {
    /// Escapes `& < > "` (and `'` for HTML attributes). XML 1.0 forbids most control
    /// characters, so with `replacingControls` they become spaces; any other character
    /// XML forbids (which admission refuses, but an older log may hold) becomes U+FFFD,
    /// so that a report always opens.
    static func escape(_ text: String, apostrophe: Bool = true, replacingControls: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where apostrophe: out.append(contentsOf: "&#39;".unicodeScalars)
            default:
                if replacingControls && scalar.value < 0x20 {
                    out.append(" ")
                } else if !XMLCharacters.isAllowed(scalar) {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
