//! Numbers, dates and units in the reader's language: the one place the story views
//! format a figure for display.
//!
//! English keeps the fact base's forms (ISO dates, `RMB 1,409 m`, `+1.2 pp`, `+5% YoY`);
//! Chinese follows its own conventions (`2023年6月20日`, `14.09亿元`, `+1.2个百分点`,
//! `同比+5%`). CSV exports never come through here: they keep ISO dates and plain numbers
//! whatever the language.

use crate::i18n::Lang;

/// A number with at most `decimals` decimals (trailing zeros dropped) and thousands
/// separated by commas, as both languages write figures in financial text.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text.as_str()
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A number with its sign: `+5`, `-1.2`, `0`.
pub fn signed(value: f64, decimals: usize) -> String {
    let text = number(value, decimals);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A date from the fact base. ISO forms (`2023-06-20`, `2023-06`, `2023`) become
/// `2023年6月20日`, `2023年6月` and `2023年` in Chinese; English keeps them as they are,
/// and any other text (`2024-09-10/11`, `n.d.`) is returned unchanged in both.
pub fn date(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_owned();
    }
    let parts: Vec<&str> = text.split('-').collect();
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = !parts.is_empty()
        && parts.len() <= 3
        && all_digits(parts[0], 4)
        && parts[1..].iter().all(|p| all_digits(p, 2));
    if !ok {
        return text.to_owned();
    }
    let n = |s: &str| s.trim_start_matches('0').to_owned();
    match parts.as_slice() {
        [y] => format!("{y}年"),
        [y, m] => format!("{y}年{}月", n(m)),
        [y, m, d] => format!("{y}年{}月{}日", n(m), n(d)),
        _ => text.to_owned(),
    }
}

/// The currency and scale of a money unit of the fact base (`RMB m`, `RMB bn`, `USD m`,
/// `USD bn`); `None` for any other unit.
fn currency(unit: &str) -> Option<(&'static str, f64)> {
    match unit.trim() {
        "RMB m" => Some(("RMB", 1e6)),
        "RMB bn" => Some(("RMB", 1e9)),
        "USD m" => Some(("USD", 1e6)),
        "USD bn" => Some(("USD", 1e9)),
        _ => None,
    }
}

/// A figure written as money in the reader's convention ([`amount`]) when its unit is a
/// currency and it has a value; `None` otherwise, for the caller to write as it stands.
pub fn money(lang: Lang, value: Option<f64>, unit: &str) -> Option<String> {
    currency(unit)?;
    value.map(|v| amount(lang, v, unit))
}

/// An amount in the fact base's units (`RMB m`, `RMB bn`, `USD m`, `USD bn`, `%`).
/// Chinese counts in 万 and 亿: RMB 1,409 m = 14.09亿元, RMB 24 m = 2,400万元,
/// RMB 9.16 bn = 91.6亿元, USD 14.6 bn = 146亿美元. Another unit is written after the
/// number as it is.
pub fn amount(lang: Lang, value: f64, unit: &str) -> String {
    let Some((currency, scale)) = currency(unit) else {
        return match unit.trim() {
            "%" => format!("{}%", number(value, 2)),
            other => format!("{} {other}", number(value, 2))
                .trim_end()
                .to_owned(),
        };
    };
    if lang == Lang::En {
        let (n, suffix) = if scale == 1e6 { (0, "m") } else { (2, "bn") };
        return format!("{currency} {} {suffix}", number(value, n));
    }
    let yuan = value * scale;
    let name = if currency == "RMB" { "元" } else { "美元" };
    if yuan.abs() >= 1e12 {
        format!("{}万亿{name}", number(yuan / 1e12, 4))
    } else if yuan.abs() >= 1e8 {
        format!("{}亿{name}", number(yuan / 1e8, 2))
    } else {
        format!("{}万{name}", number(yuan / 1e4, 0))
    }
}

/// A unit as a table or chart heading shows it: `RMB m` is 百万元 in Chinese, `USD bn`
/// 十亿美元, `pp` 个百分点; other units are returned as they are.
pub fn unit(lang: Lang, unit: &str) -> String {
    if lang == Lang::En {
        return unit.to_owned();
    }
    match unit.trim() {
        "RMB m" => "百万元",
        "RMB bn" => "十亿元",
        "USD m" => "百万美元",
        "USD bn" => "十亿美元",
        "pp" | "percentage points" => "个百分点",
        other => other,
    }
    .to_owned()
}

/// A change in percentage points: `+1.2 pp` / `+1.2个百分点`.
pub fn points(lang: Lang, value: f64) -> String {
    match lang {
        Lang::En => format!("{} pp", signed(value, 1)),
        Lang::Zh => format!("{}个百分点", signed(value, 1)),
    }
}

/// What a growth rate compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Year on year (同比).
    Yoy,
    /// Quarter on quarter (环比).
    Qoq,
}

/// A growth rate in percent with what it compares: `+5% YoY` / `同比+5%`.
pub fn change(lang: Lang, kind: Change, pct: f64, decimals: usize) -> String {
    let v = signed(pct, decimals);
    match (lang, kind) {
        (Lang::En, Change::Yoy) => format!("{v}% YoY"),
        (Lang::En, Change::Qoq) => format!("{v}% QoQ"),
        (Lang::Zh, Change::Yoy) => format!("同比{v}%"),
        (Lang::Zh, Change::Qoq) => format!("环比{v}%"),
    }
}

/// A calendar period: `2025Q4`, `2025H1` and ISO forms as they are in English; in Chinese
/// `2025年第4季度`, `2025年上半年`, `2025年9月16日`, and a month range within a year as
/// `2026年1月至2月`.
pub fn period(lang: Lang, p: yunce_data::Period) -> String {
    use yunce_data::Period;
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        Period::Half(y, h) => format!("{y}年{}", if h == 1 { "上半年" } else { "下半年" }),
        Period::Quarter(y, q) => format!("{y}年第{q}季度"),
        Period::Range(a, b) if a.year == b.year => {
            format!("{}年{}月至{}月", a.year, a.month, b.month)
        }
        Period::Range(a, b) => format!(
            "{}至{}",
            date(lang, &a.to_string()),
            date(lang, &b.to_string())
        ),
        other => date(lang, &other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Zh};

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(number(1409.0, 0), "1,409");
        assert_eq!(number(30127.4, 0), "30,127");
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(9.160, 2), "9.16");
        assert_eq!(number(-179.0, 0), "-179");
        assert_eq!(number(-0.01, 1), "0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(signed(5.0, 0), "+5");
        assert_eq!(signed(-1.24, 1), "-1.2");
        assert_eq!(signed(0.01, 1), "0");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Zh, "2023-06-20"), "2023年6月20日");
        assert_eq!(date(Zh, "2023-06"), "2023年6月");
        assert_eq!(date(Zh, "2023"), "2023年");
        assert_eq!(date(Zh, "2024-11-01"), "2024年11月1日");
        assert_eq!(date(En, "2023-06-20"), "2023-06-20");
        // Ranges and words are the fact base's own and stay as they are.
        for other in [
            "2024-09-10/11",
            "n.d.",
            "2023 (Q3)",
            "23-06-20",
            "2023-6-20",
            "",
        ] {
            assert_eq!(date(Zh, other), other);
        }
    }

    #[test]
    fn money_counts_in_yi_and_wan_in_chinese() {
        // 1 bn = 10 亿; 1 m = 100 万.
        assert_eq!(amount(Zh, 9.16, "RMB bn"), "91.6亿元");
        assert_eq!(amount(En, 9.16, "RMB bn"), "RMB 9.16 bn");
        assert_eq!(amount(Zh, 1409.0, "RMB m"), "14.09亿元");
        assert_eq!(amount(En, 1409.0, "RMB m"), "RMB 1,409 m");
        assert_eq!(amount(Zh, 24.0, "RMB m"), "2,400万元");
        assert_eq!(amount(Zh, -179.0, "RMB m"), "-1.79亿元");
        assert_eq!(amount(Zh, 14.6, "USD bn"), "146亿美元");
        assert_eq!(amount(Zh, 2100.0, "RMB bn"), "2.1万亿元");
        assert_eq!(amount(En, 14.6, "USD bn"), "USD 14.6 bn");
        assert_eq!(amount(Zh, 39.0, "%"), "39%");
        assert_eq!(amount(Zh, 56.0, "EFLOPS"), "56 EFLOPS");
    }

    #[test]
    fn money_is_only_a_currency_with_a_value() {
        assert_eq!(
            money(Zh, Some(53.0), "USD m"),
            Some("5,300万美元".to_owned())
        );
        assert_eq!(
            money(En, Some(380.0), "RMB bn"),
            Some("RMB 380 bn".to_owned())
        );
        assert_eq!(money(Zh, None, "RMB bn"), None);
        assert_eq!(money(Zh, Some(39.0), "%"), None);
        assert_eq!(money(En, Some(3.0), "EFLOPS"), None);
    }

    #[test]
    fn units_as_headings() {
        assert_eq!(unit(Zh, "USD bn"), "十亿美元");
        assert_eq!(unit(Zh, "RMB m"), "百万元");
        assert_eq!(unit(Zh, "%"), "%");
        assert_eq!(unit(En, "USD bn"), "USD bn");
    }

    #[test]
    fn points_and_growth_rates() {
        assert_eq!(points(En, 1.2), "+1.2 pp");
        assert_eq!(points(Zh, -5.8), "-5.8个百分点");
        assert_eq!(change(Zh, Change::Yoy, 5.0, 0), "同比+5%");
        assert_eq!(change(Zh, Change::Qoq, -3.26, 1), "环比-3.3%");
        assert_eq!(change(En, Change::Yoy, 44.0, 0), "+44% YoY");
        assert_eq!(change(En, Change::Qoq, 0.0, 0), "0% QoQ");
    }

    #[test]
    fn periods_read_as_chinese_dates() {
        use yunce_data::{Date, Period};
        let d = |y, m, day| Date::new(y, m, day).unwrap_or_else(|| panic!("date"));
        let zh = |p| period(Lang::Zh, p);
        assert_eq!(zh(Period::Day(d(2023, 6, 20))), "2023年6月20日");
        assert_eq!(zh(Period::Month(2025, 10)), "2025年10月");
        assert_eq!(zh(Period::Year(2024)), "2024年");
        assert_eq!(zh(Period::Half(2025, 1)), "2025年上半年");
        assert_eq!(zh(Period::Quarter(2025, 4)), "2025年第4季度");
        assert_eq!(
            zh(Period::Range(d(2026, 1, 1), d(2026, 2, 28))),
            "2026年1月至2月"
        );
        assert_eq!(
            zh(Period::Range(d(2025, 12, 1), d(2026, 1, 31))),
            "2025年12月1日至2026年1月31日"
        );
        assert_eq!(period(Lang::En, Period::Month(2025, 10)), "2025-10");
    }
}
