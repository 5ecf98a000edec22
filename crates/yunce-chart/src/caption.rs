//! The text that lets an exported chart stand on its own: a title, the measure and
//! unit, and a source line, wrapped to the chart's width.

/// What a caption line says, which sets its size and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptionRole {
    /// The chart's title, large and bold.
    Title,
    /// The measure and unit under the title.
    Subtitle,
    /// The source line under the chart.
    Source,
}

impl CaptionRole {
    /// The CSS class of a caption line in the live chart.
    pub fn class(self) -> &'static str {
        match self {
            CaptionRole::Title => "caption title",
            CaptionRole::Subtitle => "caption subtitle",
            CaptionRole::Source => "caption source",
        }
    }

    /// Font size in pixels, shared by the screen (through CSS) and the SVG export.
    pub fn font_size(self) -> f64 {
        match self {
            CaptionRole::Title => 14.0,
            CaptionRole::Subtitle => 11.0,
            CaptionRole::Source => 10.0,
        }
    }

    fn line_height(self) -> f64 {
        self.font_size() + 4.0
    }
}

/// One placed line of caption text (`y` is its baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The text, set as text.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Title, subtitle or source.
    pub role: CaptionRole,
}

/// Approximate width of `text` at an 11 px font: CJK glyphs are about twice as wide.
pub(crate) fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 6.5 } else { 11.0 })
        .sum()
}

/// Breaks `text` into lines no wider than `max_width` at `font_size`, at spaces when
/// it can and anywhere in a run of CJK text.
pub(crate) fn wrap(text: &str, max_width: f64, font_size: f64) -> Vec<String> {
    let scale = font_size / 11.0;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate) * scale <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
        // A word wider than the line (a run of CJK) is cut where it overflows.
        while text_width(&line) * scale > max_width && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                let mut next = head.clone();
                next.push(c);
                if text_width(&next) * scale > max_width && !head.is_empty() {
                    break;
                }
                head = next;
            }
            let rest = line[head.len()..].to_string();
            lines.push(head);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Places the title and subtitle from the top; returns the lines and the height used.
pub(crate) fn header(title: &str, subtitle: &str, left: f64, width: f64) -> (Vec<Caption>, f64) {
    let mut out = Vec::new();
    let mut y = 0.0;
    for (text, role) in [
        (title, CaptionRole::Title),
        (subtitle, CaptionRole::Subtitle),
    ] {
        for line in wrap(text, width, role.font_size()) {
            y += role.line_height();
            out.push(Caption {
                text: line,
                x: left,
                y,
                role,
            });
        }
    }
    let height = if out.is_empty() { 0.0 } else { y + 6.0 };
    (out, height)
}

/// Places the source line from `top`; returns the lines and the height used.
pub(crate) fn footer(source: &str, left: f64, width: f64, top: f64) -> (Vec<Caption>, f64) {
    let role = CaptionRole::Source;
    let lines = wrap(source, width, role.font_size());
    let out: Vec<Caption> = lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| Caption {
            text,
            x: left,
            y: top + role.line_height() * (i as f64 + 1.0),
            role,
        })
        .collect();
    let height = if out.is_empty() {
        0.0
    } else {
        role.line_height() * out.len() as f64 + 6.0
    };
    (out, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_at_spaces() {
        let lines = wrap("Canalys share of cloud infrastructure spend", 120.0, 11.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l) <= 120.0));
        assert_eq!(
            lines.join(" "),
            "Canalys share of cloud infrastructure spend"
        );
    }

    #[test]
    fn cjk_runs_are_cut_where_they_overflow() {
        let lines = wrap("阿里云的转身以及不能输的五场仗", 60.0, 11.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), "阿里云的转身以及不能输的五场仗");
    }

    #[test]
    fn empty_captions_take_no_space() {
        assert_eq!(header("", "", 0.0, 100.0).1, 0.0);
        assert_eq!(footer("", 0.0, 100.0, 50.0).1, 0.0);
    }
}
