//! Chart geometry and SVG serialisation for Yunce.
//!
//! The crate turns a [`ChartSpec`] (labels and optional values) or a [`TimelineSpec`]
//! (dated marks) into a [`Layout`] (pixel positions, ticks, path segments, captions)
//! and writes a layout as a standalone SVG string. The app renders the same layout as
//! live, interactive elements, so the exported file and the screen never disagree.
//! Every layout carries its title, its measure and unit and its source line, so an
//! exported file stands on its own. Nothing here touches the DOM.
#![warn(missing_docs)]

mod caption;
mod layout;
mod marks;
mod scale;
mod stack;
mod svg;
mod timeline;

pub use caption::{Caption, CaptionRole};
pub use layout::{
    Band, Layout, LegendEntry, PlacedBar, PlacedLine, PlacedPoint, Rect, Tick, layout,
};
pub use scale::{LinearScale, format_value, nice_ticks};
pub use svg::{Palette, escape_xml, path_data, point_text, to_svg};
pub use timeline::{TimelineBand, TimelineGroup, TimelineMark, TimelineSpec, timeline_layout};

/// What kind of marks a chart uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// One line per series over the x categories; missing values break the line.
    Line,
    /// Grouped vertical bars: one group per x category, one bar per series.
    Bar,
    /// Stacked vertical bars: one stack per x category, series stacked in order from zero
    /// (negative values stack downwards); a missing value adds nothing to its stack.
    Stacked,
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
    /// The title, shown above the chart and written into the SVG `<title>`.
    pub title: String,
    /// The measure and its unit, shown under the title.
    pub subtitle: String,
    /// The source line under the chart, with the source ids.
    pub source: String,
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
