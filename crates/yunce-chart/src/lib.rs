//! Chart geometry and SVG serialisation for Yunce.
//!
//! The crate turns a [`ChartSpec`] (labels and optional values) into a [`Layout`]
//! (pixel positions, ticks, path segments) and writes a layout as a standalone SVG
//! string. The app renders the same layout as live, interactive elements, so the
//! exported file and the screen never disagree. Nothing here touches the DOM.
#![warn(missing_docs)]

mod layout;
mod scale;
mod svg;

pub use layout::{Layout, LegendEntry, PlacedBar, PlacedLine, PlacedPoint, Rect, Tick, layout};
pub use scale::{LinearScale, format_value, nice_ticks};
pub use svg::{Palette, escape_xml, path_data, point_text, to_svg};

/// What kind of marks a chart uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// One line per series over the x categories; missing values break the line.
    Line,
    /// Grouped vertical bars: one group per x category, one bar per series.
    Bar,
}

/// One named series of optional values, aligned with [`ChartSpec::x_labels`].
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Stable key, used for colours and test ids.
    pub key: String,
    /// Human label shown in the legend and tooltips.
    pub label: String,
    /// One value per x category; `None` means "no public figure" and is drawn as a gap.
    pub values: Vec<Option<f64>>,
    /// Optional extra text per value for tooltips (for example the source id).
    pub notes: Vec<Option<String>>,
    /// Index into the palette, so a vendor keeps its colour when others are hidden.
    pub color: usize,
}

/// Everything needed to lay a chart out.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Accessible title, also written into the SVG `<title>`.
    pub title: String,
    /// Category labels along the x axis, in order.
    pub x_labels: Vec<String>,
    /// The series to draw.
    pub series: Vec<Series>,
    /// Unit appended to tick labels and tooltips, such as `%` or ` bn USD`.
    pub y_unit: String,
    /// Marks to draw.
    pub kind: ChartKind,
    /// Total width in pixels.
    pub width: f64,
    /// Total height in pixels.
    pub height: f64,
    /// Decimal places for tooltip values.
    pub decimals: usize,
}
