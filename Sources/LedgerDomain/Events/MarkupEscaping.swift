/// Escaping for the markup formats: HTML text and attributes (the reports and the portal's
/// pages), WordprocessingML and SpreadsheetML.
public enum MarkupEscaping {
    /// Escapes `& < > "` (and `'` for HTML attributes). XML 1.0 forbids most control
    /// characters, so with `replacingControls` they become spaces; any other character
    /// XML forbids (which admission refuses, but an older log may hold) becomes U+FFFD,
    /// so that a report always opens.
    public static func escape(_ text: String, apostrophe: Bool = true, replacingControls: Bool = false) -> String {
        // Most values (names, codes, numbers) need nothing: no copy for them.
        if text.unicodeScalars.allSatisfy({ !needsWork($0, apostrophe: apostrophe, replacingControls: replacingControls) }) { return text }
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

    private static func needsWork(_ scalar: Unicode.Scalar, apostrophe: Bool, replacingControls: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"": true
        case "'": apostrophe
        default: (replacingControls && scalar.value < 0x20) || !XMLCharacters.isAllowed(scalar)
        }
    }
}
