//! The plural Hugo gives the title of a section it makes itself (`post/` without `_index.md`
//! is "Posts"): the section name with its first letter upper-cased, then pluralized by the
//! rules of gobuffalo/flect v0.3.0, which hugo 0.111 uses, quirks kept (`box` is `boxes`, in
//! lower case; `tech` is `Teches`; a word ending in `s` stays as it is). The word lists below
//! are flect's (MIT License, Copyright (c) 2019 Mark Bates).

/// flect's irregular words: singular and plural.
const IRREGULAR: &[(&str, &str)] = &[
    ("aircraft", "aircraft"),
    ("alias", "aliases"),
    ("alumna", "alumnae"),
    ("alumnus", "alumni"),
    ("analysis", "analyses"),
    ("antenna", "antennas"),
    ("antithesis", "antitheses"),
    ("apex", "apexes"),
    ("appendix", "appendices"),
    ("axis", "axes"),
    ("bacillus", "bacilli"),
    ("bacterium", "bacteria"),
    ("basis", "bases"),
    ("beau", "beaus"),
    ("bison", "bison"),
    ("bureau", "bureaus"),
    ("bus", "buses"),
    ("campus", "campuses"),
    ("caucus", "caucuses"),
    ("child", "children"),
    ("château", "châteaux"),
    ("circus", "circuses"),
    ("codex", "codices"),
    ("concerto", "concertos"),
    ("corpus", "corpora"),
    ("crisis", "crises"),
    ("criterion", "criteria"),
    ("curriculum", "curriculums"),
    ("datum", "data"),
    ("deer", "deer"),
    ("diagnosis", "diagnoses"),
    ("die", "dice"),
    ("dwarf", "dwarves"),
    ("ellipsis", "ellipses"),
    ("equipment", "equipment"),
    ("erratum", "errata"),
    ("fez", "fezzes"),
    ("fish", "fish"),
    ("focus", "foci"),
    ("foo", "foos"),
    ("foot", "feet"),
    ("formula", "formulas"),
    ("fungus", "fungi"),
    ("genus", "genera"),
    ("goose", "geese"),
    ("graffito", "graffiti"),
    ("grouse", "grouse"),
    ("half", "halves"),
    ("halo", "halos"),
    ("hoof", "hooves"),
    ("human", "humans"),
    ("hypothesis", "hypotheses"),
    ("index", "indices"),
    ("information", "information"),
    ("jeans", "jeans"),
    ("larva", "larvae"),
    ("libretto", "librettos"),
    ("loaf", "loaves"),
    ("locus", "loci"),
    ("louse", "lice"),
    ("matrix", "matrices"),
    ("medium", "media"),
    ("minutia", "minutiae"),
    ("money", "money"),
    ("moose", "moose"),
    ("mouse", "mice"),
    ("nebula", "nebulae"),
    ("news", "news"),
    ("nucleus", "nuclei"),
    ("oasis", "oases"),
    ("octopus", "octopi"),
    ("offspring", "offspring"),
    ("opus", "opera"),
    ("ovum", "ova"),
    ("ox", "oxen"),
    ("parenthesis", "parentheses"),
    ("person", "people"),
    ("phenomenon", "phenomena"),
    ("photo", "photos"),
    ("phylum", "phyla"),
    ("piano", "pianos"),
    ("plus", "pluses"),
    ("police", "police"),
    ("prognosis", "prognoses"),
    ("prometheus", "prometheuses"),
    ("quiz", "quizzes"),
    ("quota", "quotas"),
    ("radius", "radiuses"),
    ("referendum", "referendums"),
    ("ress", "resses"),
    ("rice", "rice"),
    ("salmon", "salmon"),
    ("sex", "sexes"),
    ("series", "series"),
    ("sheep", "sheep"),
    ("shoe", "shoes"),
    ("shrimp", "shrimp"),
    ("species", "species"),
    ("stimulus", "stimuli"),
    ("stratum", "strata"),
    ("swine", "swine"),
    ("syllabus", "syllabi"),
    ("symposium", "symposiums"),
    ("synapse", "synapses"),
    ("synopsis", "synopses"),
    ("tableau", "tableaus"),
    ("testis", "testes"),
    ("thesis", "theses"),
    ("thief", "thieves"),
    ("tooth", "teeth"),
    ("trout", "trout"),
    ("tuna", "tuna"),
    ("vedalia", "vedalias"),
    ("vertebra", "vertebrae"),
    ("vertix", "vertices"),
    ("vita", "vitae"),
    ("vortex", "vortices"),
    ("wharf", "wharves"),
    ("wife", "wives"),
    ("woman", "women"),
    ("wolf", "wolves"),
    ("you", "you"),
];

/// flect's suffix rules, in the order it tries them.
const SUFFIXES: &[(&str, &str)] = &[
    ("campus", "campuses"),
    ("person", "people"),
    ("phylum", "phyla"),
    ("randum", "randa"),
    ("actus", "acti"),
    ("adium", "adia"),
    ("basis", "basis"),
    ("child", "children"),
    ("chive", "chives"),
    ("focus", "foci"),
    ("genus", "genera"),
    ("hello", "hellos"),
    ("jeans", "jeans"),
    ("louse", "lice"),
    ("media", "media"),
    ("mouse", "mice"),
    ("movie", "movies"),
    ("oasis", "oasis"),
    ("atum", "ata"),
    ("atus", "atuses"),
    ("base", "bases"),
    ("cess", "cesses"),
    ("dium", "diums"),
    ("eses", "esis"),
    ("half", "halves"),
    ("hive", "hives"),
    ("iano", "ianos"),
    ("irus", "iri"),
    ("isis", "ises"),
    ("leus", "li"),
    ("mnus", "mni"),
    ("move", "moves"),
    ("news", "news"),
    ("odex", "odice"),
    ("oose", "eese"),
    ("ouse", "ouses"),
    ("ovum", "ova"),
    ("shoe", "shoes"),
    ("stis", "stes"),
    ("tive", "tives"),
    ("vice", "vices"),
    ("wife", "wives"),
    ("afe", "aves"),
    ("bfe", "bves"),
    ("box", "boxes"),
    ("cfe", "cves"),
    ("dfe", "dves"),
    ("dge", "dges"),
    ("efe", "eves"),
    ("gfe", "gves"),
    ("hfe", "hves"),
    ("ife", "ives"),
    ("itz", "itzes"),
    ("ium", "ia"),
    ("ize", "izes"),
    ("jfe", "jves"),
    ("kfe", "kves"),
    ("man", "men"),
    ("mfe", "mves"),
    ("nfe", "nves"),
    ("nna", "nnas"),
    ("oaf", "oaves"),
    ("oci", "ocus"),
    ("ode", "odes"),
    ("ofe", "oves"),
    ("pfe", "pves"),
    ("qfe", "qves"),
    ("quy", "quies"),
    ("rfe", "rves"),
    ("sfe", "sves"),
    ("tfe", "tves"),
    ("tum", "ta"),
    ("tus", "tuses"),
    ("ufe", "uves"),
    ("ula", "ulae"),
    ("ula", "ulas"),
    ("uli", "ulus"),
    ("use", "uses"),
    ("uss", "usses"),
    ("vfe", "vves"),
    ("wfe", "wves"),
    ("xfe", "xves"),
    ("yfe", "yves"),
    ("you", "you"),
    ("zfe", "zves"),
    ("by", "bies"),
    ("ch", "ches"),
    ("cy", "cies"),
    ("dy", "dies"),
    ("ex", "ices"),
    ("fy", "fies"),
    ("gy", "gies"),
    ("hy", "hies"),
    ("io", "ios"),
    ("jy", "jies"),
    ("ky", "kies"),
    ("lf", "lves"),
    ("ly", "lies"),
    ("my", "mies"),
    ("ny", "nies"),
    ("py", "pies"),
    ("qy", "qies"),
    ("rf", "rves"),
    ("ry", "ries"),
    ("sh", "shes"),
    ("ss", "sses"),
    ("sy", "sies"),
    ("ty", "ties"),
    ("tz", "tzes"),
    ("va", "vae"),
    ("vy", "vies"),
    ("wy", "wies"),
    ("xy", "xies"),
    ("zy", "zies"),
    ("zz", "zzes"),
    ("o", "oes"),
    ("x", "xes"),
];

/// Hugo's title for a section it makes: `FirstUpper(name)`, pluralized.
pub fn section_title(name: &str) -> String {
    pluralize(&first_upper(name))
}

/// Hugo's `FirstUpper`.
pub fn first_upper(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// flect's `Pluralize`: the last part of the word (split at spaces and where a capital
/// follows a non-capital) made plural.
pub fn pluralize(s: &str) -> String {
    let s = s.trim();
    let last = last_part(s);
    if last.is_empty() {
        return String::new();
    }
    let stem = s.get(..s.len() - last.len()).unwrap_or("");
    let lower = last.to_lowercase();
    if IRREGULAR.iter().any(|(_, p)| *p == lower) {
        return s.to_owned();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(w, _)| *w == lower) {
        let plural = if last == first_upper(last) {
            first_upper(plural)
        } else {
            (*plural).to_owned()
        };
        return format!("{stem}{plural}");
    }
    for (singular, plural) in SUFFIXES {
        // flect first leaves words already ending in the plural suffix alone.
        if lower.ends_with(plural) {
            return s.to_owned();
        }
        if lower.ends_with(singular) && last.len() >= singular.len() {
            let keep = last.len() - singular.len();
            let head = last.get(..keep).unwrap_or("");
            return format!("{stem}{head}{plural}");
        }
    }
    if lower.ends_with('s') {
        return s.to_owned();
    }
    format!("{s}s")
}

/// flect's last part of an identifier: after the last space, or from the last capital that
/// follows a non-capital.
fn last_part(s: &str) -> &str {
    let s = s.trim();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            start = i + c.len_utf8();
        } else if c.is_uppercase() && !prev.is_some_and(char::is_uppercase) {
            start = i;
        }
        prev = Some(c);
    }
    &s[start..]
}

#[cfg(test)]
mod tests;
