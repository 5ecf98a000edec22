//! The writer: RFC 4180 quoting plus formula defusing.

use std::borrow::Cow;

/// Whether `s` is a plain decimal number such as `-5.5`, `+264` or `1e-3`, which no
/// spreadsheet runs as a formula. Words that Rust would parse (`inf`, `NaN`) are not.
pub fn is_plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Whether a spreadsheet could run `value` as a formula: it starts with `=`, `+`, `-`, `@`,
/// a tab or a CR and is not a plain number.
pub fn needs_defusing(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value)
}

/// One field as it appears in the file: defused, then quoted when needed. Plain fields are
/// borrowed unchanged, so ordinary output stays byte for byte what it was.
pub fn field(value: &str) -> Cow<'_, str> {
    let defuse = needs_defusing(value);
    let quote = value.contains([',', '"', '\n', '\r']);
    if !defuse && !quote {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 4);
    write_field(&mut out, value);
    Cow::Owned(out)
}

/// Appends one field to `out`, defused and quoted as [`field`] describes.
pub fn write_field(out: &mut String, value: &str) {
    let quote = value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if needs_defusing(value) {
        out.push('\'');
    }
    if quote {
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// Appends one record: fields separated by commas, then a line feed.
pub fn write_record<I, S>(out: &mut String, fields: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, f.as_ref());
    }
    out.push('\n');
}

/// A whole file: a header record, then one record per row.
pub fn text<S: AsRef<str>>(header: &[&str], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    write_record(&mut out, header);
    for row in rows {
        write_record(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
    }

    #[test]
    fn formulas_are_defused_but_numbers_are_kept() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+cmd"), "'+cmd");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("=SUM(1+1),x"), "\"'=SUM(1+1),x\"");
        assert_eq!(field("-5.5"), "-5.5");
        assert_eq!(field("+264"), "+264");
        assert_eq!(field("-1e-3"), "-1e-3");
        assert_eq!(field("-inf"), "'-inf");
        assert_eq!(field("-"), "'-");
        assert_eq!(field(""), "");
    }

    #[test]
    fn plain_numbers() {
        for s in ["0", "-5.5", "+264", "1.", ".5", "1e9", "-1E+3"] {
            assert!(is_plain_number(s), "{s}");
        }
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "--1", "1-1", "NaN", "inf", "1 ",
        ] {
            assert!(!is_plain_number(s), "{s}");
        }
    }

    #[test]
    fn text_has_a_header_and_one_line_per_row() {
        let t = text(&["id", "value"], &[vec!["A".to_owned(), String::new()]]);
        assert_eq!(t, "id,value\nA,\n");
    }
}
