/// Deterministic synthetic people: names from lists, BSNs that pass the 11-proef. Never real people.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    /// An index by weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() { if r < w { return i }; r -= w }
        return weights.count - 1
    }
}

struct Person {
    let bsn: String
    let voornamen: String
    let voorvoegsel: String
    let achternaam: String
    let female: Bool
    let born: (Int, Int, Int)
    var initials: String { voornamen.split(separator: " ").map { "\($0.first!)." }.joined() }
}

struct Household {
    let street: String
    let place: String
    let postcode: String      // 9601AB
    let number: Int
    let letter: String
    var members: [Person]
    var huisnr: String { "\(number)\(letter)" }
    var postcodeSpaced: String { String(postcode.prefix(4)) + " " + String(postcode.suffix(2)) }
}

enum Synthetic {
    static let femaleNames = ["Anna", "Maria", "Johanna", "Zoë", "Chloë", "Daniëlle", "Hélène", "Sanne", "Femke", "Lotte", "Eva", "Noor", "Julia", "Ineke", "Wilma", "Grietje"]
    static let maleNames = ["Jan", "Hendrik", "Klaas", "Pieter", "Noël", "René", "Gerrit", "Harm", "Sjoerd", "Bram", "Daan", "Sem", "Lucas", "Thijs", "Menno", "Geert"]
    static let surnames: [(String, String)] = [("", "Bakker"), ("", "Smit"), ("de", "Vries"), ("van der", "Berg"), ("", "Mulder"), ("de", "Boer"),
        ("", "Dijkstra"), ("", "Bos"), ("", "Visser"), ("van", "Dijk"), ("", "Hoekstra"), ("", "Kuipers"), ("", "Wierenga"), ("", "Huizinga"),
        ("ter", "Veen"), ("", "Oosterhuis"), ("", "Brouwer"), ("", "Wübbena"), ("", "Pruim"), ("", "Stuut")]
    static let letters = Array("ABCDEFGHJKLMNPRSTVWXZ")

    /// The n-th synthetic BSN: nine digits, the first eight from n, the ninth making the 11-proef
    /// hold (n for which no ninth digit exists are skipped by the caller's counter).
    static func bsn(_ n: inout Int, leadingZero: Bool) -> String {
        while true {
            n += 1
            let base = (leadingZero ? 0 : 10_000_000) + (n % 90_000_000)
            var digits = String(base)
            digits = String(repeating: "0", count: 8 - digits.count) + digits
            let d = digits.map { Int(String($0))! }
            let last = (0..<8).reduce(0) { $0 + (9 - $1) * d[$1] } % 11
            if last < 10 { return digits + String(last) }
        }
    }

    static func person(_ rng: inout SplitMix64, counter: inout Int, surname: (String, String)?, leadingZero: Bool) -> Person {
        let female = rng.chance(0.52)
        var names = rng.pick(female ? femaleNames : maleNames)
        if rng.chance(0.3) { names += " " + rng.pick(female ? femaleNames : maleNames) }
        let (vv, an) = surname ?? rng.pick(surnames)
        return Person(bsn: bsn(&counter, leadingZero: leadingZero), voornamen: names, voorvoegsel: vv, achternaam: an, female: female,
                      // Born 1935–2016: before the scenario's peildatum (2018-01-01), as real clients are;
                      // `birth_date_range` rejects the planted future dates, not a generated fifth of a cohort.
                      born: (1935 + rng.below(82), 1 + rng.below(12), 1 + rng.below(28)))
    }

    static func household(_ rng: inout SplitMix64, counter: inout Int, streets: [(String, String, String)], index: Int, leadingZero: Double) -> Household {
        let (street, place, pc4) = rng.pick(streets)
        let postcode = pc4 + String(letters[index % letters.count]) + String(letters[(index / letters.count) % letters.count])
        let surname = rng.pick(surnames)
        let size = 1 + rng.weighted([35, 30, 14, 12, 6, 3])
        let members = (0..<size).map { i in
            person(&rng, counter: &counter, surname: i == 0 || rng.chance(0.8) ? surname : nil, leadingZero: rng.chance(leadingZero))
        }
        return Household(street: street, place: place, postcode: postcode, number: 1 + (index / 441) % 9999,
                         letter: rng.chance(0.15) ? "a" : "", members: members)
    }
}
