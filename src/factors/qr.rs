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
mod tests {
    use super::*;

    /// protocol.md §6.2.
    pub(super) const EXAMPLE: &str = "otpauth://totp/acme:jane%40example.com?secret=ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF&issuer=acme&algorithm=SHA1&digits=6&period=30";

    /// The rectangles of a path written by [`qr_svg`]: `(x, y, width)`.
    pub(super) fn runs(path: &str) -> Vec<(u32, u32, u32)> {
        path.split('z')
            .filter(|s| !s.is_empty())
            .map(|rect| {
                let rest = rect.strip_prefix('M').expect("starts with M");
                let (x, rest) = rest.split_once(' ').expect("x then space");
                let (y, rest) = rest.split_once('h').expect("y then h");
                let (w, rest) = rest.split_once("v1h-").expect("w then v1h-");
                assert_eq!(w, rest, "closes the same width it opened");
                (x.parse().unwrap(), y.parse().unwrap(), w.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn path_has_the_quiet_zone_and_merged_runs() {
        let svg = qr_svg(EXAMPLE).unwrap();
        let code = QrCode::new(EXAMPLE).unwrap();
        assert_eq!(svg.size as usize, code.width() + 8);
        let runs = runs(&svg.path);
        assert!(!runs.is_empty());
        for (x, y, w) in &runs {
            assert!(*x >= QUIET_ZONE && *y >= QUIET_ZONE && *w >= 1);
            assert!(x + w <= svg.size - QUIET_ZONE && *y < svg.size - QUIET_ZONE);
        }
        // The top-left finder pattern's first row is one run of seven.
        assert_eq!(runs[0], (QUIET_ZONE, QUIET_ZONE, 7));
        // Runs on a row never touch: touching ones would have been merged.
        for pair in runs.windows(2) {
            let ((x1, y1, w1), (x2, y2, _)) = (pair[0], pair[1]);
            assert!(y1 != y2 || x1 + w1 < x2);
        }
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        assert_eq!(runs.iter().map(|r| r.2 as usize).sum::<usize>(), dark);
    }

    #[test]
    fn over_long_input_is_an_error() {
        let error = qr_svg(&"A".repeat(10_000)).unwrap_err();
        assert!(error.contains("QR code"));
    }

    #[test]
    fn empty_input_still_draws() {
        assert!(qr_svg("").is_ok());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod decode_tests {
    use super::tests::{runs, EXAMPLE};
    use super::*;

    /// Rasterises the path (4 px per module) and reads it back with an independent decoder.
    fn decode(svg: &QrSvg) -> String {
        const SCALE: usize = 4;
        let size = svg.size as usize;
        let mut dark = vec![false; size * size];
        for (x, y, w) in runs(&svg.path) {
            for column in x..x + w {
                dark[y as usize * size + column as usize] = true;
            }
        }
        let pixels = size * SCALE;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
            if dark[(y / SCALE) * size + x / SCALE] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "exactly one code found");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn scans_back_to_the_protocol_example() {
        assert_eq!(decode(&qr_svg(EXAMPLE).unwrap()), EXAMPLE);
    }

    #[test]
    fn scans_back_a_push_enrollment_link() {
        let uri = "otpauth://totp/acme:jane?enrollment_tx_id=qfjn2eiNYSjU3xID7dBYeCBSrdREWJPY&base_url=https%3A%2F%2Facme.guardian.us.auth0.com";
        assert_eq!(decode(&qr_svg(uri).unwrap()), uri);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod bench {
    use super::qr_svg;
    use std::time::Instant;

    /// Prints `qr_render_us=N`, the mean time to build the QR path for a typical
    /// `otpauth://` URI (run by `cargo xtask bench` in release mode).
    #[test]
    #[ignore = "benchmark: run by `cargo xtask bench`"]
    fn qr_render_time() {
        let uri = "otpauth://totp/acme:jane%40example.com?secret=ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF&issuer=acme&algorithm=SHA1&digits=6&period=30";
        let runs = 500u32;
        let started = Instant::now();
        for _ in 0..runs {
            assert!(qr_svg(std::hint::black_box(uri)).is_ok());
        }
        println!(
            "qr_render_us={}",
            started.elapsed().as_micros() / u128::from(runs)
        );
    }
}
