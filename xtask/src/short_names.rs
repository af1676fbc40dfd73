//! Part of trunk's post-build hook: shortens the glue names wasm-bindgen gives imports and
//! closure exports (`__wbg_createElement_8c9931a732ee2fea`,
//! `wasm_bindgen__convert__closures_____invoke__h…`) to `$a`, `$b`, … in a wasm module and
//! its JavaScript glue alike. The 16 hex digits in each of these ~200 names do not compress:
//! together about 4.7 KB brotli of the page. (The hook then refreshes the `integrity` hashes
//! in `index.html`, see `integrity.rs`.)
//!
//! The step checks its work: every renamed name must occur in the glue and no short name may
//! be there already, else the build fails (a new glue format needs this step looked at)
//! rather than ship a page that cannot load.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Wasm section ids this step rewrites.
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// Shortens the names of every wasm-bindgen module in `dir` (`NAME_bg.wasm` beside
/// `NAME.js`); returns the glue files it rewrote.
pub fn run(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut modules = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            modules.push(stem.to_owned());
        }
    }
    let mut glue = Vec::new();
    for stem in modules {
        let wasm_name = format!("{stem}_bg.wasm");
        let js_name = format!("{stem}.js");
        let (wasm_path, js_path) = (dir.join(&wasm_name), dir.join(&js_name));
        let wasm = fs::read(&wasm_path)
            .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
        let js = fs::read_to_string(&js_path)
            .map_err(|e| format!("cannot read {}: {e}", js_path.display()))?;
        let (wasm, renames) =
            shorten_wasm(&wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
        let js = shorten_js(&js, &renames).map_err(|e| format!("{}: {e}", js_path.display()))?;
        fs::write(&wasm_path, &wasm)
            .map_err(|e| format!("cannot write {}: {e}", wasm_path.display()))?;
        fs::write(&js_path, &js).map_err(|e| format!("cannot write {}: {e}", js_path.display()))?;
        glue.push(js_path);
    }
    Ok(glue)
}

/// The short name of the `n`th renamed item: `$a` … `$z`, `$ba` …
fn short_name(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    letters.reverse();
    format!("${}", String::from_utf8_lossy(&letters))
}

/// True for a name ending in `_` (imports) or `h` (closure exports) and 16 hex digits.
fn is_hashed(name: &str) -> bool {
    let Some(split) = name.len().checked_sub(17) else {
        return false;
    };
    let (head, hash) = name.split_at(split);
    !head.is_empty()
        && (hash.starts_with('_') || hash.starts_with('h'))
        && hash[1..]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// Rewrites the import and export sections of `wasm`, renaming hashed names; returns the
/// new module and the renames (old name → new name). Other sections are copied as they are.
pub fn shorten_wasm(wasm: &[u8]) -> Result<(Vec<u8>, BTreeMap<String, String>), String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut renames = BTreeMap::new();
    let mut rename = |name: String| -> String {
        if !is_hashed(&name) {
            return name;
        }
        let next = renames.len();
        renames
            .entry(name)
            .or_insert_with(|| short_name(next))
            .clone()
    };
    let mut out = wasm[..8].to_vec();
    let mut reader = Reader { bytes: wasm, at: 8 };
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let body = reader.take(size)?;
        let body = match id {
            IMPORT_SECTION => rewrite_imports(body, &mut rename)?,
            EXPORT_SECTION => rewrite_exports(body, &mut rename)?,
            _ => body.to_vec(),
        };
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok((out, renames))
}

/// A vector section (`count`, then entries) rebuilt entry by entry by `entry`, which reads one
/// entry and writes it (changed or not).
fn rewrite_entries(
    body: &[u8],
    section: &str,
    mut entry: impl FnMut(&mut Reader, &mut Vec<u8>) -> Result<(), String>,
) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        entry(&mut reader, &mut out)?;
    }
    if reader.at == body.len() {
        Ok(out)
    } else {
        Err(format!("the {section} section has bytes left over"))
    }
}

/// The import section with renamed field names (module names stay).
fn rewrite_imports(
    body: &[u8],
    rename: &mut impl FnMut(String) -> String,
) -> Result<Vec<u8>, String> {
    rewrite_entries(body, "import", |reader, out| {
        let module = reader.name()?;
        let field = rename(reader.name()?);
        let start = reader.at;
        match reader.byte()? {
            // Function (type index) and tag (attribute, type index).
            0x00 => {
                reader.leb()?;
            }
            0x04 => {
                reader.byte()?;
                reader.leb()?;
            }
            // Table: element type, then limits.
            0x01 => {
                reader.byte()?;
                reader.limits()?;
            }
            0x02 => reader.limits()?,
            // Global: value type and mutability.
            0x03 => {
                reader.take(2)?;
            }
            kind => return Err(format!("unknown import kind {kind:#x}")),
        }
        write_name(out, &module);
        write_name(out, &field);
        out.extend_from_slice(&body[start..reader.at]);
        Ok(())
    })
}

/// The export section with renamed names.
fn rewrite_exports(
    body: &[u8],
    rename: &mut impl FnMut(String) -> String,
) -> Result<Vec<u8>, String> {
    rewrite_entries(body, "export", |reader, out| {
        let name = rename(reader.name()?);
        let kind = reader.byte()?;
        let index = reader.leb()?;
        write_name(out, &name);
        out.push(kind);
        write_leb(out, index);
        Ok(())
    })
}

/// The glue with every renamed identifier replaced; fails if a renamed name is not in it or
/// a short name already is.
pub fn shorten_js(js: &str, renames: &BTreeMap<String, String>) -> Result<String, String> {
    let shorts: BTreeMap<&str, ()> = renames.values().map(|s| (s.as_str(), ())).collect();
    let mut seen = BTreeMap::new();
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(start) = rest.find(is_identifier_char) {
        out.push_str(&rest[..start]);
        let word = &rest[start..];
        let end = word.find(|c| !is_identifier_char(c)).unwrap_or(word.len());
        let token = &word[..end];
        if shorts.contains_key(token) {
            return Err(format!(
                "the glue already uses the name {token}; the short names need another prefix"
            ));
        }
        match renames.get(token) {
            Some(short) => {
                seen.insert(token, ());
                out.push_str(short);
            }
            None => out.push_str(token),
        }
        rest = &word[end..];
    }
    out.push_str(rest);
    if let Some(missing) = renames
        .keys()
        .find(|name| !seen.contains_key(name.as_str()))
    {
        return Err(format!(
            "the glue does not mention {missing}: wasm-bindgen's glue format changed, so \
             shortening names is not safe (see xtask/src/short_names.rs)"
        ));
    }
    Ok(out)
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Reads a wasm binary.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the module ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the module ends early")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number is too long".into())
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "a name is not UTF-8".into())
    }

    /// Limits: flags, minimum and (with flag bit 0) maximum.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.leb()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORT: &str = "__wbg_createElement_8c9931a732ee2fea";
    const CLOSURE: &str = "wasm_bindgen__convert__closures_____invoke__hecfc261e2d26e66f";

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![id];
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(body);
        out
    }

    /// A module importing two functions and a memory and exporting three functions.
    fn module() -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend(section(1, &[1, 0x60, 0, 0]));
        let mut imports = vec![3];
        for (field, desc) in [
            (IMPORT, vec![0x00, 0]),
            ("__wbindgen_init_externref_table", vec![0x00, 0]),
            ("memory", vec![0x02, 0x01, 17, 200, 1]),
        ] {
            write_name(&mut imports, "./page_bg.js");
            write_name(&mut imports, field);
            imports.extend(desc);
        }
        wasm.extend(section(IMPORT_SECTION, &imports));
        wasm.extend(section(3, &[1, 0]));
        let mut exports = vec![3];
        for (name, index) in [("main", 2), (CLOSURE, 2), ("__wbindgen_malloc", 2)] {
            write_name(&mut exports, name);
            exports.extend([0x00, index]);
        }
        wasm.extend(section(EXPORT_SECTION, &exports));
        wasm.extend(section(10, &[1, 2, 0, 0x0b]));
        wasm
    }

    fn names(wasm: &[u8]) -> Vec<String> {
        let (_, renames) = shorten_wasm(wasm).unwrap();
        let mut reader = Reader { bytes: wasm, at: 8 };
        let mut found = Vec::new();
        while reader.at < wasm.len() {
            let id = reader.byte().unwrap();
            let size = reader.leb().unwrap() as usize;
            let body = reader.take(size).unwrap();
            let mut keep = |name: String| {
                found.push(name.clone());
                name
            };
            match id {
                IMPORT_SECTION => drop(rewrite_imports(body, &mut keep).unwrap()),
                EXPORT_SECTION => drop(rewrite_exports(body, &mut keep).unwrap()),
                _ => {}
            }
        }
        assert!(renames.len() <= found.len());
        found
    }

    #[test]
    fn only_hashed_glue_names_are_shortened() {
        let (wasm, renames) = shorten_wasm(&module()).unwrap();
        assert_eq!(
            renames.into_iter().collect::<Vec<_>>(),
            [
                (IMPORT.to_owned(), "$a".to_owned()),
                (CLOSURE.to_owned(), "$b".to_owned())
            ]
        );
        assert_eq!(
            names(&wasm),
            [
                "$a",
                "__wbindgen_init_externref_table",
                "memory",
                "main",
                "$b",
                "__wbindgen_malloc"
            ]
        );
        // Everything but the two sections is untouched: the code section ends the module.
        assert!(wasm.ends_with(&section(10, &[1, 2, 0, 0x0b])));
        assert!(wasm.len() < module().len());
    }

    #[test]
    fn a_broken_module_is_an_error_not_a_panic() {
        assert!(shorten_wasm(b"not wasm").is_err());
        let mut cut = module();
        cut.truncate(cut.len() - 3);
        assert!(shorten_wasm(&cut).is_err());
    }

    #[test]
    fn the_glue_is_renamed_word_by_word() {
        let renames: BTreeMap<_, _> = [(IMPORT.to_owned(), "$a".to_owned())].into();
        let js =
            format!("const i = {{ {IMPORT}: function(a) {{ return `${{a}}`; }}, {IMPORT}x: 1 }};");
        assert_eq!(
            shorten_js(&js, &renames).unwrap(),
            format!("const i = {{ $a: function(a) {{ return `${{a}}`; }}, {IMPORT}x: 1 }};")
        );
    }

    #[test]
    fn glue_that_does_not_match_the_module_stops_the_build() {
        let renames: BTreeMap<_, _> = [(IMPORT.to_owned(), "$a".to_owned())].into();
        let missing = shorten_js("const i = {};", &renames).unwrap_err();
        assert!(missing.contains(IMPORT), "{missing}");
        let taken = shorten_js(&format!("{IMPORT}; let $a;"), &renames).unwrap_err();
        assert!(taken.contains("$a"), "{taken}");
    }

    #[test]
    fn short_names_count_in_letters() {
        assert_eq!(short_name(0), "$a");
        assert_eq!(short_name(25), "$z");
        assert_eq!(short_name(26), "$ba");
        assert!(is_hashed(IMPORT) && is_hashed(CLOSURE));
        assert!(!is_hashed("__wbindgen_malloc") && !is_hashed("memory"));
        assert!(!is_hashed("_8c9931a732ee2fea"));
        assert!(!is_hashed("__wbg_x_8C9931A732EE2FEA"));
    }
}
