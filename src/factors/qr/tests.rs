//! The QR path: its shape, its limits, and (natively) an independent decoder reading it back.

use super::*;

/// protocol.md §6.2.
pub const EXAMPLE: &str = "otpauth://totp/acme:jane%40example.com?secret=ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF&issuer=acme&algorithm=SHA1&digits=6&period=30";

/// The rectangles of a path written by [`qr_svg`]: `(x, y, width)`.
pub fn runs(path: &str) -> Vec<(u32, u32, u32)> {
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

#[cfg(not(target_arch = "wasm32"))]
mod decode_tests {
    use super::super::*;
    use super::{runs, EXAMPLE};

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

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use super::super::qr_svg;
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
