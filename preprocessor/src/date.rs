//! Dates as Hugo reads them: Go's `time.Parse` over the layouts Hugo's date conversion
//! (spf13/cast) tries, in its order, with UTC where a layout has no offset (Hugo's default
//! `timeZone`); and the two ways a post shows a date: readable text and the RFC 3339 instant for
//! `<time datetime>`. Go's rules are kept where they surprise: a space in a layout matches a run
//! of spaces, `02` wants two digits but `15` takes one, a fraction may follow the seconds, the
//! weekday is checked for its spelling only, nothing is trimmed, and a zone name (`CET`) keeps
//! the wall time in UTC unless it is `UTC` or `GMT+N`.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone};

/// A parsed front-matter date: the instant, with the offset the author wrote.
pub type Date = DateTime<FixedOffset>;

/// One element of a Go layout.
#[derive(Debug, Clone, Copy)]
enum Tok {
    /// Literal text; a space matches one or more spaces.
    Lit(&'static str),
    /// `2006`
    Year,
    /// `06`
    ShortYear,
    /// `01`
    Month,
    /// `Jan`
    MonthName,
    /// `Mon`
    WeekDay,
    /// `Monday`
    LongWeekDay,
    /// `02`
    Day,
    /// `_2`
    PaddedDay,
    /// `15`
    Hour,
    /// `3`
    Hour12,
    /// `04`
    Minute,
    /// `05`
    Second,
    /// `.999999999`: an optional fraction.
    Fraction,
    /// `.000`: exactly this many digits.
    FixedFraction(usize),
    /// `PM`
    Pm,
    /// `MST`
    ZoneName,
    /// `-0700`
    Offset,
    /// `-07:00`
    ColonOffset,
    /// `Z0700`
    ZOffset,
    /// `Z07:00`
    ZColonOffset,
}

use Tok::*;

/// The layouts (Go's reference time) in cast's order. Which zone counts follows from what the
/// text holds: `UTC` or `Z`, else a numeric offset (`Time.String()` has both an offset and a
/// name), else UTC with the wall time as written (cast rebuilds a time whose layout has a zone
/// name alone in UTC).
const LAYOUTS: &[&str] = &[
    "2006-01-02T15:04:05Z07:00", // RFC 3339
    "2006-01-02T15:04:05",
    "Mon, 02 Jan 2006 15:04:05 -0700",         // RFC 1123Z
    "Mon, 02 Jan 2006 15:04:05 MST",           // RFC 1123
    "02 Jan 06 15:04 -0700",                   // RFC 822Z
    "02 Jan 06 15:04 MST",                     // RFC 822
    "Monday, 02-Jan-06 15:04:05 MST",          // RFC 850
    "2006-01-02 15:04:05.999999999 -0700 MST", // Go's Time.String()
    "2006-01-02T15:04:05-0700",
    "2006-01-02 15:04:05Z0700",
    "2006-01-02 15:04:05",
    "Mon Jan _2 15:04:05 2006",       // ANSIC
    "Mon Jan _2 15:04:05 MST 2006",   // UnixDate
    "Mon Jan 02 15:04:05 -0700 2006", // RubyDate
    "2006-01-02 15:04:05Z07:00",
    "2006-01-02",
    "02 Jan 2006",
    "2006-01-02 15:04:05 -07:00",
    "2006-01-02 15:04:05 -0700",
    // Times of day alone, in year 0 (Kitchen's on January 1).
    "3:04PM",                    // Kitchen
    "Jan _2 15:04:05",           // Stamp
    "Jan _2 15:04:05.000",       // StampMilli
    "Jan _2 15:04:05.000000",    // StampMicro
    "Jan _2 15:04:05.000000000", // StampNano
];

/// The elements of a layout, longest first where one starts another.
const ELEMENTS: &[(&str, Tok)] = &[
    ("Monday", LongWeekDay),
    ("Mon", WeekDay),
    ("Jan", MonthName),
    ("2006", Year),
    ("06", ShortYear),
    ("01", Month),
    ("02", Day),
    ("_2", PaddedDay),
    ("15", Hour),
    ("3", Hour12),
    ("04", Minute),
    ("05", Second),
    (".999999999", Fraction),
    (".000000000", FixedFraction(9)),
    (".000000", FixedFraction(6)),
    (".000", FixedFraction(3)),
    ("PM", Pm),
    ("MST", ZoneName),
    ("-07:00", ColonOffset),
    ("-0700", Offset),
    ("Z07:00", ZColonOffset),
    ("Z0700", ZOffset),
];

/// A layout as elements and literal text.
fn tokens(mut layout: &'static str) -> Vec<Tok> {
    let mut out = Vec::new();
    while !layout.is_empty() {
        match ELEMENTS.iter().find(|(text, _)| layout.starts_with(text)) {
            Some((text, tok)) => {
                out.push(*tok);
                layout = &layout[text.len()..];
            }
            None => {
                let n = layout.chars().next().map_or(1, char::len_utf8);
                out.push(Lit(&layout[..n]));
                layout = &layout[n..];
            }
        }
    }
    out
}

/// Parses `text` as Hugo does, or `None` when no Hugo layout accepts it.
pub fn parse(text: &str) -> Option<Date> {
    // The layouts are tokenized once: doing it on every call was half of the cost of a date.
    static TOKENIZED: std::sync::OnceLock<Vec<Vec<Tok>>> = std::sync::OnceLock::new();
    TOKENIZED
        .get_or_init(|| LAYOUTS.iter().map(|layout| tokens(layout)).collect())
        .iter()
        .find_map(|tokens| parse_layout(tokens, text))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/// The days of the week, as Go's `Monday` layout writes them.
pub(crate) const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Go's `time.Parse(layout, text)`, then cast's rule for named zones.
fn parse_layout(layout: &[Tok], text: &str) -> Option<Date> {
    let mut v = text;
    let (mut year, mut month, mut day) = (0i32, 1u32, 1u32);
    let (mut hour, mut minute, mut second, mut nano) = (0u32, 0u32, 0u32, 0u32);
    let mut pm = None;
    let mut offset: Option<i32> = None;
    let mut utc = false;
    let mut zone_name = "";
    for (i, tok) in layout.iter().enumerate() {
        match *tok {
            Lit(lit) => v = skip(v, lit)?,
            Year => {
                let digits = v
                    .get(..4)
                    .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
                year = digits.parse().ok()?;
                v = &v[4..];
            }
            ShortYear => {
                let digits = v
                    .get(..2)
                    .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
                let y: i32 = digits.parse().ok()?;
                year = if y >= 69 { 1900 + y } else { 2000 + y };
                v = &v[2..];
            }
            Month => {
                let (m, rest) = number(v, true)?;
                (1..=12).contains(&m).then_some(())?;
                (month, v) = (m, rest);
            }
            MonthName => {
                let (m, rest) = lookup(&MONTHS, v)?;
                (month, v) = (m as u32 + 1, rest);
            }
            WeekDay => v = lookup(&DAYS, v)?.1,
            LongWeekDay => v = lookup(&LONG_DAYS, v)?.1,
            Day | PaddedDay => {
                if matches!(tok, PaddedDay) {
                    v = v.strip_prefix(' ').unwrap_or(v);
                }
                (day, v) = number(v, matches!(tok, Day))?;
            }
            Hour => {
                (hour, v) = number(v, false)?;
                (hour < 24).then_some(())?;
            }
            Hour12 => {
                (hour, v) = number(v, false)?;
                (hour <= 12).then_some(())?;
            }
            Minute => {
                (minute, v) = number(v, true)?;
                (minute < 60).then_some(())?;
            }
            Second => {
                (second, v) = number(v, true)?;
                (second < 60).then_some(())?;
                // A fraction the layout does not ask for is taken after the seconds.
                let next_is_fraction =
                    matches!(layout.get(i + 1), Some(Fraction | FixedFraction(_)));
                if !next_is_fraction && let Some((n, rest)) = fraction(v, None) {
                    (nano, v) = (n, rest);
                }
            }
            Fraction => {
                if let Some((n, rest)) = fraction(v, None) {
                    (nano, v) = (n, rest);
                }
            }
            FixedFraction(digits) => (nano, v) = fraction(v, Some(digits))?,
            Pm => {
                let p = v.get(..2)?;
                pm = Some(match p {
                    "PM" => true,
                    "AM" => false,
                    _ => return None,
                });
                v = &v[2..];
            }
            ZoneName => {
                if let Some(rest) = v.strip_prefix("UTC") {
                    utc = true;
                    v = rest;
                } else {
                    let n = zone_name_len(v)?;
                    (zone_name, v) = v.split_at(n);
                }
            }
            Offset | ColonOffset | ZOffset | ZColonOffset => {
                if matches!(tok, ZOffset | ZColonOffset)
                    && let Some(rest) = v.strip_prefix('Z')
                {
                    utc = true;
                    v = rest;
                    continue;
                }
                let colon = matches!(tok, ColonOffset | ZColonOffset);
                let len = if colon { 6 } else { 5 };
                let o = v.get(..len)?.as_bytes();
                if colon && o[3] != b':' {
                    return None;
                }
                let (h, m) = (&o[1..3], if colon { &o[4..6] } else { &o[3..5] });
                let two = |d: &[u8]| {
                    d.iter()
                        .all(u8::is_ascii_digit)
                        .then(|| i32::from(d[0] - b'0') * 10 + i32::from(d[1] - b'0'))
                };
                let seconds = (two(h)? * 60 + two(m)?) * 60;
                offset = Some(match o[0] {
                    b'+' => seconds,
                    b'-' => -seconds,
                    _ => return None,
                });
                v = &v[len..];
            }
        }
    }
    if !v.is_empty() {
        return None;
    }
    match pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let wall =
        NaiveDate::from_ymd_opt(year, month, day)?.and_hms_nano_opt(hour, minute, second, nano)?;
    let fixed = |seconds: i32| FixedOffset::east_opt(seconds);
    let date = if utc {
        fixed(0)?.from_utc_datetime(&wall)
    } else if let Some(seconds) = offset {
        fixed(seconds)?.from_local_datetime(&wall).single()?
    } else {
        // No zone, or only a name: the wall time in UTC. Go gives `GMT+N` a fake zone N hours
        // east without moving the instant, so its wall time, which cast keeps, is N hours later.
        let shift = zone_name
            .strip_prefix("GMT")
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or(0);
        fixed(0)?.from_utc_datetime(&(wall + chrono::Duration::hours(shift)))
    };
    Some(date)
}

/// Go's `skip`: the literal at the start of `v`, where a space matches a run of spaces.
fn skip<'a>(mut v: &'a str, mut lit: &str) -> Option<&'a str> {
    while let Some(c) = lit.chars().next() {
        if c == ' ' {
            if !v.starts_with(' ') && !v.is_empty() {
                return None;
            }
            lit = lit.trim_start_matches(' ');
            v = v.trim_start_matches(' ');
            continue;
        }
        v = v.strip_prefix(c)?;
        lit = &lit[c.len_utf8()..];
    }
    Some(v)
}

/// Go's `getnum`: one or two digits, two when `fixed`.
fn number(v: &str, fixed: bool) -> Option<(u32, &str)> {
    let b = v.as_bytes();
    let digit = |i: usize| {
        b.get(i)
            .filter(|d| d.is_ascii_digit())
            .map(|d| u32::from(d - b'0'))
    };
    let first = digit(0)?;
    match digit(1) {
        Some(second) => Some((first * 10 + second, &v[2..])),
        None if fixed => None,
        None => Some((first, &v[1..])),
    }
}

/// A name from `names` at the start of `v`, compared without regard to ASCII case.
fn lookup<'a>(names: &[&str], v: &'a str) -> Option<(usize, &'a str)> {
    names.iter().enumerate().find_map(|(i, name)| {
        let head = v.get(..name.len())?;
        head.eq_ignore_ascii_case(name)
            .then(|| (i, &v[name.len()..]))
    })
}

/// A `.` or `,` and digits: the nanoseconds (more than nine digits are cut), or `None` when
/// there is none. With `digits`, exactly that many digits.
fn fraction(v: &str, digits: Option<usize>) -> Option<(u32, &str)> {
    let b = v.as_bytes();
    if !matches!(b.first(), Some(b'.' | b',')) || !b.get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let n = 1 + b[1..].iter().take_while(|d| d.is_ascii_digit()).count();
    let n = match digits {
        Some(d) if n - 1 < d => return None,
        Some(d) => d + 1,
        None => n,
    };
    let mut nano = 0u32;
    for i in 0..9 {
        nano = nano * 10
            + b.get(1 + i)
                .filter(|_| 1 + i < n)
                .map_or(0, |d| u32::from(d - b'0'));
    }
    Some((nano, &v[n..]))
}

/// Go's `parseTimeZone`: how long the zone name at the start of `v` is.
fn zone_name_len(v: &str) -> Option<usize> {
    let b = v.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if v.starts_with("ChST") || v.starts_with("MeST") {
        return Some(4);
    }
    if let Some(rest) = v.strip_prefix("GMT") {
        return Some(3 + signed_hours_len(rest).unwrap_or(0));
    }
    if matches!(b[0], b'+' | b'-') {
        return signed_hours_len(v);
    }
    let upper = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        3 => Some(3),
        4 if b[3] == b'T' || v.starts_with("WITA") => Some(4),
        5 if b[4] == b'T' => Some(5),
        _ => None,
    }
}

/// Go's `parseSignedOffset`: the length of `+N`/`-N` (hours up to 23) at the start of `v`.
fn signed_hours_len(v: &str) -> Option<usize> {
    let b = v.as_bytes();
    if !matches!(b.first(), Some(b'+' | b'-')) {
        return None;
    }
    let digits = b[1..].iter().take_while(|d| d.is_ascii_digit()).count();
    let hours: u64 = v.get(1..1 + digits)?.parse().ok()?;
    (hours <= 23).then_some(1 + digits)
}

/// The instant the run started, which decides what Hugo would call a future or expired post.
pub fn now() -> Date {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, since.subsec_nanos())
        .unwrap_or_default()
        .fixed_offset()
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
mod tests;
