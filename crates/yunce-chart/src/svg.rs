//! A layout written as one standalone SVG document (for export and snapshots).

use crate::caption::CaptionRole;
use crate::layout::Layout;
use std::fmt::Write;

/// Colours for a standalone SVG, which cannot read the page's CSS variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Background fill.
    pub background: String,
    /// Text and axis colour.
    pub ink: String,
    /// Grid line colour.
    pub grid: String,
    /// Secondary text: the subtitle and the source line.
    pub muted: String,
    /// The highlighted band's fill (drawn at low opacity).
    pub accent: String,
    /// Series colours, indexed by [`crate::Series::color`] modulo their count.
    pub series: Vec<String>,
}

impl Palette {
    /// The light theme's colours (kept equal to `style/main.css`).
    pub fn light() -> Self {
        Self {
            background: "#ffffff".into(),
            ink: "#1f2328".into(),
            grid: "#d8dee4".into(),
            muted: "#59636e".into(),
            accent: "#0969da".into(),
            series: SERIES.iter().map(|c| (*c).to_string()).collect(),
        }
    }

    /// The dark theme's colours (kept equal to `style/main.css`).
    pub fn dark() -> Self {
        Self {
            background: "#15191e".into(),
            ink: "#e6edf3".into(),
            grid: "#30363d".into(),
            muted: "#9ba5ae".into(),
            accent: "#4aa3e0".into(),
            series: SERIES_DARK.iter().map(|c| (*c).to_string()).collect(),
        }
    }

    fn color(&self, index: usize) -> &str {
        if self.series.is_empty() {
            return &self.ink;
        }
        &self.series[index % self.series.len()]
    }
}

/// Colour-blind-safe series colours (Okabe–Ito order, then greys).
const SERIES: [&str; 8] = [
    "#e69f00", "#0072b2", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#8a6d00", "#6e7781",
];
const SERIES_DARK: [&str; 8] = [
    "#f5b83d", "#4aa3e0", "#2bc59a", "#ff7f3f", "#e59ac4", "#7cc8f2", "#d9b84a", "#9ba5ae",
];

/// Escapes text for XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Rounds a coordinate so snapshots do not depend on float noise.
fn px(value: f64) -> String {
    crate::scale::format_value(value, 1)
}

/// Writes a layout as an SVG document with inline colours.
pub fn to_svg(layout: &Layout, palette: &Palette) -> String {
    let mut s = String::new();
    let (w, h) = (px(layout.width), px(layout.height));
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, sans-serif" font-size="11" role="img">"#
    );
    let _ = writeln!(s, "<title>{}</title>", escape_xml(&layout.title));
    let _ = writeln!(
        s,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        palette.background
    );
    write_captions(&mut s, layout, palette);
    for band in &layout.bands {
        let _ = writeln!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.15"><title>{}</title></rect>"#,
            px(band.rect.x),
            px(band.rect.y),
            px(band.rect.width),
            px(band.rect.height),
            palette.accent,
            escape_xml(&band.label)
        );
    }
    let plot = layout.plot;
    for tick in &layout.y_ticks {
        let _ = writeln!(
            s,
            r#"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{}"/><text x="{}" y="{y}" dy="0.32em" text-anchor="end" fill="{}">{}</text>"#,
            px(plot.x),
            px(plot.x + plot.width),
            palette.grid,
            px(plot.x - 6.0),
            palette.ink,
            escape_xml(&tick.label),
            y = px(tick.position),
        );
    }
    for tick in &layout.x_ticks {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>"#,
            px(tick.position),
            px(plot.y + plot.height + 16.0),
            palette.ink,
            escape_xml(&tick.label)
        );
    }
    if let Some(zero) = layout.zero_y {
        let _ = writeln!(
            s,
            r#"<line x1="{}" x2="{}" y1="{z}" y2="{z}" stroke="{}"/>"#,
            px(plot.x),
            px(plot.x + plot.width),
            palette.ink,
            z = px(zero)
        );
    }
    for line in &layout.lines {
        let color = palette.color(line.color);
        for segment in &line.segments {
            let d = path_data(segment);
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{color}" stroke-width="2"/>"#
            );
        }
        for p in &line.points {
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{color}"><title>{}</title></circle>"#,
                px(p.x),
                px(p.y),
                px(line.radius),
                escape_xml(&point_text(p))
            );
        }
    }
    for bar in &layout.bars {
        let color = palette.color(bar.color);
        match &bar.point {
            Some(p) => {
                let _ = writeln!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{color}"><title>{}</title></rect>"#,
                    px(bar.rect.x),
                    px(bar.rect.y),
                    px(bar.rect.width),
                    px(bar.rect.height),
                    escape_xml(&point_text(p))
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    r#"<text x="{}" y="{}" text-anchor="middle" fill="{}">–</text>"#,
                    px(bar.gap_x),
                    px(bar.rect.y - 4.0),
                    palette.ink
                );
            }
        }
    }
    write_legend(&mut s, layout, palette);
    s.push_str("</svg>\n");
    s
}

fn write_captions(s: &mut String, layout: &Layout, palette: &Palette) {
    for caption in &layout.captions {
        let (fill, weight) = match caption.role {
            CaptionRole::Title => (&palette.ink, r#" font-weight="600""#),
            _ => (&palette.muted, ""),
        };
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="{}"{weight} fill="{fill}">{}</text>"#,
            px(caption.x),
            px(caption.y),
            px(caption.role.font_size()),
            escape_xml(&caption.text)
        );
    }
}

fn write_legend(s: &mut String, layout: &Layout, palette: &Palette) {
    for entry in &layout.legend {
        let _ = writeln!(
            s,
            r#"<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" fill="{}">{}</text>"#,
            px(entry.x),
            px(entry.y - 9.0),
            palette.color(entry.color),
            px(entry.x + 14.0),
            px(entry.y),
            palette.ink,
            escape_xml(&entry.label)
        );
    }
}

/// The SVG path `d` attribute for one run of points.
pub fn path_data(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{},{}", if i == 0 { "M" } else { "L" }, px(*x), px(*y));
    }
    d
}

/// One line of tooltip text for a point.
pub fn point_text(p: &crate::PlacedPoint) -> String {
    match &p.note {
        Some(note) => format!("{} · {}: {} ({note})", p.series, p.category, p.value_text),
        None => format!("{} · {}: {}", p.series, p.category, p.value_text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_xml("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }

    #[test]
    fn path_data_moves_then_draws() {
        assert_eq!(path_data(&[(1.0, 2.0), (3.26, 4.0)]), "M1,2L3.3,4");
    }
}
