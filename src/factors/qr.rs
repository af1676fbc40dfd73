//! The enrollment QR code (an `otpauth://` URI, protocol §6.2) as one SVG path, so the page can
//! draw it with plain SVG elements and never needs `innerHTML`.

use qrcode::{Color, QrCode};
use std::fmt::Write as _;

/// Light modules around the code; scanners need four to find it.
pub const QUIET_ZONE: u32 = 4;

/// A QR code ready for `<svg viewBox="0 0 {size} {size}"><path d={path}/></svg>`: dark
/// modules are drawn with the path's fill on a light background.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included.
    pub size: u32,
    /// Path data of the dark modules, one rectangle per horizontal run.
    pub path: String,
}

/// Encodes `data` (error correction level M) and draws it with a quiet zone. Data too long
/// for any QR code is an error, not a panic.
pub fn qr_svg(data: &str) -> Result<QrSvg, String> {
    let code = QrCode::new(data.as_bytes())
        .map_err(|e| format!("The setup link cannot be shown as a QR code ({e})."))?;
    let width = code.width();
    // Version 40, the largest, is 177 modules wide: the size always fits.
    let size = u32::try_from(width)
        .ok()
        .and_then(|modules| modules.checked_add(2 * QUIET_ZONE))
        .ok_or("The QR code is too large.")?;
    let quiet = QUIET_ZONE as usize;
    let mut path = String::new();
    for (row, line) in code.to_colors().chunks(width.max(1)).enumerate() {
        let y = row + quiet;
        let mut column = 0;
        while column < line.len() {
            if line[column] != Color::Dark {
                column += 1;
                continue;
            }
            let start = column;
            while line.get(column) == Some(&Color::Dark) {
                column += 1;
            }
            let (x, run) = (start + quiet, column - start);
            // Writing to a String cannot fail.
            let _ = write!(path, "M{x} {y}h{run}v1h-{run}z");
        }
    }
    Ok(QrSvg { size, path })
}

#[cfg(test)]
mod tests;
