//! Dates as Hugo reads them: the layouts Hugo tries, in its order, with UTC where a layout has no
//! offset (Hugo's default `timeZone`); and the two ways a post shows a date: readable text and the
//! RFC 3339 instant for `<time datetime>`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};

/// A parsed front-matter date: the instant, with the offset the author wrote.
pub type Date = DateTime<FixedOffset>;

/// Layouts with a numeric offset or `Z`, in Hugo's order (Go's reference time in comments).
const ZONED: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",  // RFC 3339 (Z handled below)
    "%a, %d %b %Y %H:%M:%S %z", // RFC 1123Z
    "%d %b %y %H:%M %z",        // RFC 822Z
    "%Y-%m-%d %H:%M:%S%.f %z",  // 2006-01-02 15:04:05.999999999 -0700 (MST dropped)
    "%Y-%m-%dT%H:%M:%S%.f%z",   // 2006-01-02T15:04:05-0700
    "%Y-%m-%d %H:%M:%S%.f%z",   // 2006-01-02 15:04:05Z0700
    "%a %b %d %H:%M:%S %z %Y",  // RubyDate
    "%Y-%m-%d %H:%M:%S%.f%:z",  // 2006-01-02 15:04:05Z07:00
    "%Y-%m-%d %H:%M:%S%.f %:z", // 2006-01-02 15:04:05 -07:00
];

/// Layouts without an offset: read as UTC.
const NAIVE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",  // 2006-01-02T15:04:05
    "%a, %d %b %Y %H:%M:%S", // RFC 1123 (zone name dropped)
    "%d %b %y %H:%M",        // RFC 822 (zone name dropped)
    "%A, %d-%b-%y %H:%M:%S", // RFC 850 (zone name dropped)
    "%Y-%m-%d %H:%M:%S%.f",  // 2006-01-02 15:04:05
    "%a %b %e %H:%M:%S %Y",  // ANSIC, and UnixDate with its zone name dropped
];

/// Parses `text` as Hugo does, or `None` when no Hugo layout accepts it.
pub fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    let utc = FixedOffset::east_opt(0)?;
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return day.and_hms_opt(0, 0, 0)?.and_local_timezone(utc).single();
    }
    // Go's RFC 3339 wants the `T`; chrono also takes a space, which other layouts cover.
    if let Ok(d) = DateTime::parse_from_rfc3339(text)
        && text
            .as_bytes()
            .get(10)
            .is_some_and(|&b| b == b'T' || b == b't')
    {
        return Some(d);
    }
    // A zone abbreviation (`MST`, `UTC`) that Go does not know reads as a zero offset, or the
    // numeric offset beside it counts.
    let unzoned = drop_zone_name(text);
    // `Z` stands for a zero offset in Go's `Z0700` and `Z07:00` layouts.
    let zulu = unzoned.strip_suffix('Z').map(|t| format!("{t}+00:00"));
    for candidate in [Some(unzoned.clone()), zulu].into_iter().flatten() {
        for layout in ZONED {
            if let Ok(d) = DateTime::parse_from_str(&candidate, layout) {
                return Some(d);
            }
        }
    }
    for layout in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(&unzoned, layout) {
            return d.and_local_timezone(utc).single();
        }
    }
    // Go's `02` wants two digits where chrono's `%d` takes one.
    let two_digit_day = text.as_bytes().iter().take(2).all(u8::is_ascii_digit);
    NaiveDate::parse_from_str(text, "%d %b %Y")
        .ok()
        .filter(|_| two_digit_day)
        .and_then(|d| d.and_hms_opt(0, 0, 0)?.and_local_timezone(utc).single())
}

/// `text` without an all-capitals zone name word (`Mon Jan 2 15:04:05 MST 2006` loses `MST`).
fn drop_zone_name(text: &str) -> String {
    let is_zone = |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    text.split(' ')
        .filter(|w| !is_zone(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The instant for `<time datetime>`: RFC 3339, `Z` for UTC, as Hugo lists it.
pub fn machine(date: &Date) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The date as a reader reads it: `February 3, 2025`, the day the author wrote.
pub fn human(date: &Date) -> String {
    date.format("%B %-d, %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(text: &str) -> Option<String> {
        parse(text).map(|d| machine(&d))
    }

    #[test]
    fn every_layout_hugo_tries() {
        let cases = [
            ("2024-07-09", "2024-07-09T00:00:00Z"),
            ("2023-03-04T05:06:07+01:00", "2023-03-04T05:06:07+01:00"),
            ("2023-03-04T05:06:07Z", "2023-03-04T05:06:07Z"),
            ("2023-03-04T05:06:07.5Z", "2023-03-04T05:06:07.500Z"),
            ("2023-03-04T05:06:07", "2023-03-04T05:06:07Z"),
            ("Sat, 04 Mar 2023 05:06:07 GMT", "2023-03-04T05:06:07Z"),
            (
                "Sat, 04 Mar 2023 05:06:07 +0100",
                "2023-03-04T05:06:07+01:00",
            ),
            ("04 Mar 23 05:06 UTC", "2023-03-04T05:06:00Z"),
            ("04 Mar 23 05:06 -0700", "2023-03-04T05:06:00-07:00"),
            ("Saturday, 04-Mar-23 05:06:07 UTC", "2023-03-04T05:06:07Z"),
            (
                "2023-03-04 05:06:07.123 +0100 CET",
                "2023-03-04T05:06:07.123+01:00",
            ),
            ("2023-03-04T05:06:07-0700", "2023-03-04T05:06:07-07:00"),
            ("2025-02-03 15:00:00+0000", "2025-02-03T15:00:00Z"),
            ("2025-02-03 15:00:00Z", "2025-02-03T15:00:00Z"),
            ("2023-03-04 05:06:07", "2023-03-04T05:06:07Z"),
            ("Sat Mar  4 05:06:07 2023", "2023-03-04T05:06:07Z"),
            ("Sat Mar  4 05:06:07 MST 2023", "2023-03-04T05:06:07Z"),
            (
                "Sat Mar 04 05:06:07 -0700 2023",
                "2023-03-04T05:06:07-07:00",
            ),
            ("2023-03-04 05:06:07+01:00", "2023-03-04T05:06:07+01:00"),
            ("04 Mar 2023", "2023-03-04T00:00:00Z"),
            ("2023-03-04 05:06:07 -07:00", "2023-03-04T05:06:07-07:00"),
            ("2023-03-04 05:06:07 -0700", "2023-03-04T05:06:07-07:00"),
        ];
        for (input, want) in cases {
            assert_eq!(rfc(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn what_hugo_refuses() {
        for bad in [
            "2025-02-03 15:00",
            "2025/02/03",
            "3 Feb 2025",
            "tomorrow",
            "",
            "2025-02-30",
            "12:00:00",
        ] {
            assert_eq!(rfc(bad), None, "{bad}");
        }
    }

    #[test]
    fn readable_form_keeps_the_authors_day() {
        let d = parse("2025-02-03 23:30:00-0500").unwrap();
        assert_eq!(human(&d), "February 3, 2025");
        assert_eq!(machine(&d), "2025-02-03T23:30:00-05:00");
    }
}
