/// Windows-1258 (Vietnamese), the encoding of Excel's plain "CSV" on Vietnamese Windows.
///
/// Tone marks are separate combining characters in this code page (0xCC, 0xD2, 0xDE, 0xEC,
/// 0xF2), so decoded text is decomposed; the caller normalises it to NFC.
enum Windows1258 {
    /// Code points of bytes 0x80–0xFF; 0 marks the bytes the code page leaves undefined.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]

    /// Decodes the bytes to UTF-8, or nil if one of them is undefined in the code page.
    ///
    /// Straight into UTF-8 bytes, sized in a first pass: a 64 MiB file then costs its
    /// bytes and their UTF-8 once, never an intermediate `String` and a copy of it.
    static func decodeToUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        var length = 0
        for byte in bytes {
            if byte < 0x80 {
                length += 1
                continue
            }
            let code = high[Int(byte - 0x80)]
            guard code != 0 else { return nil }
            length += code < 0x800 ? 2 : 3
        }
        var output = [UInt8]()
        output.reserveCapacity(length)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let code = high[Int(byte - 0x80)]
            if code < 0x800 {
                output.append(UInt8(0xC0 | (code >> 6)))
                output.append(UInt8(0x80 | (code & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (code >> 12)))
                output.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (code & 0x3F)))
            }
        }
        return output
    }

    /// Decodes the bytes, or nil if one of them is undefined in the code page.
    static func decode(_ bytes: [UInt8]) -> String? {
        decodeToUTF8(bytes).map { String(decoding: $0, as: UTF8.self) }
    }
}
