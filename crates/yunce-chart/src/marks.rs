//! The placed marks of a layout, in pixels: shared by the layout and the stacked bars.

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// One axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis.
    pub position: f64,
    /// Text to show.
    pub label: String,
}

/// A data point with its pixel position and tooltip text.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPoint {
    /// Pixel x.
    pub x: f64,
    /// Pixel y.
    pub y: f64,
    /// The x category.
    pub category: String,
    /// The series label.
    pub series: String,
    /// The value formatted with its unit.
    pub value_text: String,
    /// Extra tooltip text, such as the source id.
    pub note: Option<String>,
}

/// One series placed as line segments plus points.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLine {
    /// The series key.
    pub key: String,
    /// The series label.
    pub label: String,
    /// Palette index.
    pub color: usize,
    /// Runs of consecutive present values; a missing value starts a new run.
    pub segments: Vec<Vec<(f64, f64)>>,
    /// Every present value.
    pub points: Vec<PlacedPoint>,
    /// Radius of each point's dot.
    pub radius: f64,
}

/// A highlighted span of the x axis, such as a period the text discusses.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The band's rectangle.
    pub rect: Rect,
    /// What the band marks, for its tooltip and accessible name.
    pub label: String,
}

/// One bar with its tooltip text.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedBar {
    /// The series key.
    pub key: String,
    /// Palette index.
    pub color: usize,
    /// The bar rectangle; zero height for a missing value.
    pub rect: Rect,
    /// `None` when the value is missing: drawn as a marked gap, never as zero.
    pub point: Option<PlacedPoint>,
    /// Where a "no figure" mark goes when the value is missing.
    pub gap_x: f64,
}
