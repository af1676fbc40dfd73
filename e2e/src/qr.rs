//! Reading a QR code off the page the way a phone would: from pixels.

use crate::browser::Browser;
use crate::TestResult;

/// Screenshots the element matching `css` and decodes the QR code in it. The element is
/// scrolled into view first: a screenshot keeps only the part inside the window, and a code
/// cut off at the bottom does not decode.
pub async fn read_qr(browser: &Browser, css: &str) -> TestResult<String> {
    let element = browser.find(css).await?;
    element.scroll_into_view().await?;
    let image = browser.screenshot_of(&element).await?.to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grid = prepared
        .detect_grids()
        .into_iter()
        .next()
        .ok_or("no QR code found in the screenshot")?;
    let (_, content) = grid.decode()?;
    Ok(content)
}
