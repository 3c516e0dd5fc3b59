/// Checks a `data` object against its schema and returns it normalised.
///
/// Every problem is collected (a clerk fixes a file in one go), and the normalised object
/// is what gets stored and hashed: trimmed NFC text, dates as `YYYY-MM-DD`, windows as
/// objects, `coordinating` always present.
struct DataValidator {
    let zone: LocalZone

    private static let surveyKinds = SurveyKind.choices

    func validate(_ data: JSONObject, type: EventType) -> (JSONObject, [Problem]) {
        var problems: [Problem] = []
        var surveyKind: SurveyKind?
        if type == .surveySubmitted, let raw = data["kind"]?.stringValue {
            surveyKind = Self.surveyKinds.code(for: TextNormalizer.normalize(raw)).flatMap(SurveyKind.init(rawValue:))
        }
        let specs = EventSchema.fields(for: type, surveyKind: surveyKind)
        // A field of the other survey kind is unknown for this kind, too.
        for member in data.members where !specs.contains(where: { $0.name == member.key }) {
            problems.append(.unknownField("data.\(member.key)"))
        }
        var output = JSONObject(capacity: specs.count)
        for spec in specs {
            let path = spec.path
            guard let value = data[spec.name], value != .null else {
                if spec.required {
                    problems.append(.missingField(path))
                } else if spec.name == "coordinating" {
                    output.append(spec.name, .array([]))
                }
                continue
            }
            switch check(value, spec.kind, path: path) {
            case .success(let normalised): output.append(spec.name, normalised)
            case .failure(let failure): problems.append(contentsOf: failure.problems)
            }
        }
        if problems.isEmpty { problems.append(contentsOf: crossFieldProblems(output, type: type)) }
        return (output, problems)
    }

    struct Failures: Error { var problems: [Problem] }

    func check(_ value: JSONValue, _ kind: FieldSpec.Kind, path: String) -> Result<JSONValue, Failures> {
        func fail(_ problem: Problem) -> Result<JSONValue, Failures> { .failure(Failures(problems: [problem])) }
        switch kind {
        case .text:
            return text(value, path: path).map { .string($0) }
        case .identifier:
            return text(value, path: path).flatMap { id in
                Identifier.isValid(id) ? .success(.string(id)) : .failure(Failures(problems: [.invalidValue(path, ProblemDetail.identifier)]))
            }
        case .agencyCode:
            return text(value, path: path).flatMap { code in
                AgencyCode.isValid(code) ? .success(.string(code)) : .failure(Failures(problems: [.invalidValue(path, ProblemDetail.agencyCode)]))
            }
        case .agencyCodeList(let minimum):
            return list(value, path: path, minimum: minimum) { item, itemPath in
                check(item, .agencyCode, path: itemPath)
            }
        case .agencyReferenceList(let minimum):
            return list(value, path: path, minimum: minimum) { item, itemPath in
                text(item, path: itemPath).flatMap { reference in
                    AgencyReference.parse(reference) != nil
                        ? .success(.string(reference)) : .failure(Failures(problems: [.invalidValue(itemPath, ProblemDetail.agencyReference)]))
                }
            }
        case .textList:
            return list(value, path: path, minimum: 0) { item, itemPath in check(item, .text, path: itemPath) }
        case .count(let minimum, let maximum):
            // The message is made only for a bad value: formatting it for every good one
            // was a tenth of the decoding time of a big file.
            guard case .integer(let number) = value, (minimum...maximum).contains(number) else {
                return fail(.invalidValue(path, ProblemDetail.wholeNumber(minimum, maximum)))
            }
            return .success(.integer(number))
        case .date:
            guard case .string(let raw) = value else { return fail(.invalidDate(path, ProblemDetail.date)) }
            guard let time = EventTime.parse(TextNormalizer.normalize(raw)) else { return fail(.invalidDate(path, ProblemDetail.date)) }
            let day = time.localDate(in: zone)
            guard AcceptedDates.contains(day) else { return fail(.invalidDate(path, AcceptedDates.outOfRange)) }
            return .success(.string(day.description))
        case .window:
            return window(value, path: path)
        case .oneOf(let allowed):
            return text(value, path: path).flatMap { choice in
                allowed.code(for: choice).map { .success(.string($0)) } ?? .failure(Failures(problems: [.invalidValue(path, ProblemDetail.oneOf(allowed))]))
            }
        case .period:
            return text(value, path: path).flatMap { period in
                PeriodName.isValid(period) ? .success(.string(period)) : .failure(Failures(problems: [.invalidValue(path, ProblemDetail.period)]))
            }
        case .decimal:
            return text(value, path: path).flatMap { decimal in
                guard DecimalText.isValid(decimal) else { return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.decimal)])) }
                guard DecimalText.isWithinPrecision(decimal) else { return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.decimalPrecision)])) }
                return .success(.string(decimal))
            }
        case .targetIndicator:
            return text(value, path: path).flatMap { indicator in
                TargetIndicator.parse(indicator) != nil
                    ? .success(.string(indicator)) : .failure(Failures(problems: [.invalidValue(path, ProblemDetail.targetIndicator)]))
            }
        case .awards:
            return awards(value, path: path)
        case .reportFiles:
            return reportFiles(value, path: path)
        }
    }

    func text(_ value: JSONValue, path: String) -> Result<String, Failures> {
        guard case .string(let raw) = value else {
            return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.text)]))
        }
        let normalised = TextNormalizer.normalize(raw)
        if normalised.isEmpty { return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.nonEmpty)])) }
        // Reports are XML (DOCX) and HTML: a character XML 1.0 forbids would make them unopenable.
        if let bad = XMLCharacters.firstForbidden(in: normalised) {
            return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.forbiddenCharacter(bad))]))
        }
        // Every scalar takes at least one UTF-8 byte: only long text needs counting.
        if normalised.utf8.count > TextNormalizer.maxScalars, normalised.unicodeScalars.count > TextNormalizer.maxScalars {
            return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.maxLength)]))
        }
        return .success(normalised)
    }

    func list(
        _ value: JSONValue, path: String, minimum: Int,
        item check: (JSONValue, String) -> Result<JSONValue, Failures>
    ) -> Result<JSONValue, Failures> {
        guard case .array(let items) = value else {
            return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.list(minimum))]))
        }
        if items.count < minimum { return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.list(minimum))])) }
        var output: [JSONValue] = []
        var problems: [Problem] = []
        for (index, item) in items.enumerated() {
            switch check(item, "\(path)[\(index + 1)]") {
            case .success(let normalised): output.append(normalised)
            case .failure(let failure): problems.append(contentsOf: failure.problems)
            }
        }
        return problems.isEmpty ? .success(.array(output)) : .failure(Failures(problems: problems))
    }

    func window(_ value: JSONValue, path: String) -> Result<JSONValue, Failures> {
        if case .string(let raw) = value, TextNormalizer.normalize(raw) == "ongoing" { return .success(.string("ongoing")) }
        guard case .object(let object) = value else {
            return .failure(Failures(problems: [.invalidValue(path, ProblemDetail.window)]))
        }
        var problems: [Problem] = []
        for key in object.keys where key != "from" && key != "to" { problems.append(.unknownField("\(path).\(key)")) }
        var months: [YearMonth] = []
        for key in ["from", "to"] {
            guard let raw = object[key] else {
                problems.append(.missingField("\(path).\(key)"))
                continue
            }
            guard case .string(let text) = raw, let month = YearMonth.parse(TextNormalizer.normalize(text)) else {
                problems.append(.invalidValue("\(path).\(key)", ProblemDetail.yearMonth))
                continue
            }
            guard AcceptedDates.contains(month) else {
                problems.append(.invalidDate("\(path).\(key)", AcceptedDates.outOfRange))
                continue
            }
            months.append(month)
        }
        if problems.isEmpty, months[0] > months[1] { problems.append(.invalidValue(path, ProblemDetail.windowOrder)) }
        guard problems.isEmpty else { return .failure(Failures(problems: problems)) }
        return .success(.object(JSONObject([("from", .string(months[0].description)), ("to", .string(months[1].description))])))
    }

    func awards(_ value: JSONValue, path: String) -> Result<JSONValue, Failures> {
        list(value, path: path, minimum: 0) { item, itemPath in
            guard case .object(let award) = item else {
                return .failure(Failures(problems: [.invalidValue(itemPath, ProblemDetail.award)]))
            }
            var problems: [Problem] = []
            for key in award.keys where !["rank", "winner", "agency"].contains(key) {
                problems.append(.unknownField("\(itemPath).\(key)"))
            }
            var output = JSONObject()
            for (key, required) in [("rank", true), ("winner", true), ("agency", false)] {
                guard let field = award[key], field != .null else {
                    if required { problems.append(.missingField("\(itemPath).\(key)")) }
                    continue
                }
                // A rank may be written as a number ("1") or a name ("Giải Nhất").
                let normalisedField: JSONValue = if key == "rank", case .integer(let rank) = field { .string(String(rank)) } else { field }
                let kind: FieldSpec.Kind = key == "agency" ? .agencyCode : .text
                switch check(normalisedField, kind, path: "\(itemPath).\(key)") {
                case .success(let normalised): output.append(key, normalised)
                case .failure(let failure): problems.append(contentsOf: failure.problems)
                }
            }
            return problems.isEmpty ? .success(.object(output)) : .failure(Failures(problems: problems))
        }
    }

    /// `files` of `report.generated`: every issued file's name under `reports/` and SHA-256.
    func reportFiles(_ value: JSONValue, path: String) -> Result<JSONValue, Failures> {
        list(value, path: path, minimum: 0) { item, itemPath in
            guard case .object(let file) = item, file.keys.sorted() == ["name", "sha256"],
                case .string(let name)? = file["name"], !name.isEmpty,
                case .string(let sha)? = file["sha256"], sha.utf8.count == 64,
                sha.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else {
                return .failure(Failures(problems: [.invalidValue(itemPath, ProblemDetail.reportFile)]))
            }
            return .success(.object(JSONObject([("name", .string(name)), ("sha256", .string(sha))])))
        }
    }

    /// Rules that tie two fields together; run only when every field is valid on its own.
    func crossFieldProblems(_ data: JSONObject, type: EventType) -> [Problem] {
        func integer(_ key: String) -> Int? { if case .integer(let value) = data[key] { value } else { nil } }
        switch type {
        case .surveySubmitted:
            if let aware = integer("aware"), let respondents = integer("respondents"), aware > respondents {
                return [.invalidValue("data.aware", ProblemDetail.notMoreThan("data.respondents"))]
            }
        case .indicatorReported:
            if let numerator = integer("numerator"), let denominator = integer("denominator"), numerator > denominator {
                return [.invalidValue("data.numerator", ProblemDetail.notMoreThan("data.denominator"))]
            }
        case .contestHeld:
            if let start = data["start"]?.stringValue, let end = data["end"]?.stringValue, end < start {
                return [.invalidDate("data.end", ProblemDetail.notBefore("data.start"))]
            }
        case .targetSet:
            if let indicator = data["indicator"]?.stringValue.flatMap(TargetIndicator.parse), let min = data["min"]?.stringValue {
                if case .taskCount = indicator {
                    if !DecimalText.isWholeNumber(min) { return [.invalidValue("data.min", ProblemDetail.countTarget)] }
                } else if !DecimalText.isRatio(min) {
                    return [.invalidValue("data.min", ProblemDetail.ratioTarget)]
                }
            }
        case .agencyMerged:
            if let into = data["into"]?.stringValue, case .array(let from) = data["from"], from.contains(.string(into)) {
                return [.invalidValue("data.into", ProblemDetail.mergeIntoItself)]
            }
        default: break
        }
        return []
    }
}
