import LedgerDomain

/// A small XML element tree, rendered with every attribute and text escaped: the
/// SpreadsheetML parts are built as values and serialised once, never patched as strings.
public struct XMLTree: Sendable {
    public var name: String
    public var attributes: [(String, String)]
    public var children: [Node]

    public enum Node: Sendable {
        case element(XMLTree)
        case text(String)
    }

    public init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLTree] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children.map(Node.element)
    }

    public init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.name = name
        self.attributes = attributes
        children = [.text(text)]
    }

    /// The document with its XML declaration.
    public var document: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        write(into: &out)
        return out
    }

    public func write(into out: inout String) {
        out += "<" + name
        for (key, value) in attributes {
            out += " " + key + "=\"" + MarkupEscaping.escape(value, apostrophe: false, replacingControls: true) + "\""
        }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children {
            switch child {
            case .element(let element): element.write(into: &out)
            case .text(let text): out += MarkupEscaping.escape(text, apostrophe: false)
            }
        }
        out += "</" + name + ">"
    }
}
