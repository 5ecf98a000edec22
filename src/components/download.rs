//! Downloads built in the browser: CSV and SVG text, and PNG drawn from the SVG.
//! Nothing leaves the machine: files are made from blob URLs.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// CSV text with a header row of column ids. Every browser export goes through here or
/// through the engines' writers, so all of them share yunce-csv's RFC 4180 quoting and
/// formula defusing.
pub fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    yunce_csv::text(header, rows)
}

fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn click_link(url: &str, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.click();
}

/// Saves text as a file.
pub fn save_text(filename: &str, mime: &str, text: &str) {
    if let Some(url) = blob_url(text, mime) {
        click_link(&url, filename);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Saves an SVG document as a PNG at twice its size, drawn through a canvas.
pub fn save_png(filename: &str, svg: &str, width: f64, height: f64) {
    let Some(url) = blob_url(svg, "image/svg+xml") else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let filename = filename.to_string();
    let source = image.clone();
    let svg_url = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = draw_and_save(&source, &filename, width, height);
        let _ = web_sys::Url::revoke_object_url(&svg_url);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

fn draw_and_save(
    image: &web_sys::HtmlImageElement,
    filename: &str,
    width: f64,
    height: f64,
) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.scale(scale, scale).ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .ok()?;
    let png = canvas.to_data_url_with_type("image/png").ok()?;
    click_link(&png, filename);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_a_header_and_one_line_per_row() {
        let text = csv_text(&["id", "value"], &[vec!["A".into(), String::new()]]);
        assert_eq!(text, "id,value\nA,\n");
    }

    #[test]
    fn a_hostile_cell_reads_back_as_one_inert_cell() {
        let text = csv_text(&["name"], &[vec!["=SUM(1+1),x".into()]]);
        let table = yunce_csv::parse(&text).unwrap();
        assert_eq!(table.rows[0].fields, ["'=SUM(1+1),x"]);
    }
}
