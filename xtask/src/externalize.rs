//! The first step of trunk's post-build hook (`cargo xtask post-build`): it moves the inline
//! scripts trunk writes into `index.html` (the module that loads the wasm and, under
//! `trunk serve`, the live-reload client) into files beside it, so the page runs under a
//! Content-Security-Policy without `'unsafe-inline'`. It fails loudly when trunk's loader is not found, and when
//! `index.html` holds anything else such a policy blocks (inline styles, event handlers).

use std::env;
use std::fs;
use std::path::Path;

/// Marker of trunk's loader: every initializer trunk writes dispatches this event.
const LOADER_MARKER: &str = "TrunkApplicationStarted";
/// Marker of trunk serve's live-reload client.
const AUTORELOAD_MARKER: &str = ".well-known/trunk/ws";
/// Placeholder trunk serve replaces with the page's host, in HTML responses only.
const ADDRESS_PLACEHOLDER: &str = "{{__TRUNK_ADDRESS__}}";
/// Placeholder trunk serve replaces with its WebSocket base path, in HTML responses only.
const WS_BASE_PLACEHOLDER: &str = "{{__TRUNK_WS_BASE__}}";

/// Rewrites `index.html` in `dir` so that no script is inline.
pub fn run(dir: &Path) -> Result<(), String> {
    let base = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "./".into());
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let rewritten = rewrite(&html, &base).map_err(|e| format!("{}: {e}", index.display()))?;
    for (name, text) in &rewritten.files {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    fs::write(&index, &rewritten.html)
        .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(())
}

/// Fails unless the built `index.html` in `dir` is clean for a policy without
/// `'unsafe-inline'` (no inline script, style or event handler) and starts the app through the
/// first-screen script, which holds trunk's loader (the hook's last step, `first_screen.rs`).
pub fn verify(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let elements = scan(&html)?;
    let problems: Vec<String> = elements.iter().filter_map(Element::problem).collect();
    let loader = elements.iter().any(|e| {
        e.name == "script"
            && e.attr("src")
                .is_some_and(|s| s.contains(crate::first_screen::PREFIX))
    });
    match (problems.first(), loader) {
        (Some(problem), _) => Err(format!(
            "{}: {problem} (did the post-build hook in Trunk.toml run?)",
            index.display()
        )),
        (None, false) => Err(format!(
            "{}: no <script src=\"…first-screen-….js\"> to start the app (is the \
             post-build hook still in Trunk.toml, and did it reach its last step?)",
            index.display()
        )),
        (None, true) => Ok(()),
    }
}

/// The rewritten `index.html` and the script files to write beside it.
#[derive(Debug)]
pub struct Rewritten {
    /// The new `index.html`.
    pub html: String,
    /// `(file name, contents)` of each externalized script.
    pub files: Vec<(String, String)>,
}

/// Moves trunk's inline scripts out of `html`; `base` is trunk's public URL (e.g. `./`).
pub fn rewrite(html: &str, base: &str) -> Result<Rewritten, String> {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let elements = scan(html)?;
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut copied = 0;
    let mut loaders = 0;
    for element in &elements {
        let Some(kind) = element.inline_script_kind() else {
            if let Some(problem) = element.problem() {
                return Err(problem);
            }
            continue;
        };
        let content = &html[element.content.clone()];
        let (stem, text, extra_attrs) = match kind {
            ScriptKind::Module if content.contains(LOADER_MARKER) => {
                loaders += 1;
                ("init", content.trim().to_owned(), String::new())
            }
            ScriptKind::Classic if content.contains(AUTORELOAD_MARKER) => (
                "autoreload",
                autoreload_file(content)?,
                format!(" data-ws-base=\"{WS_BASE_PLACEHOLDER}\""),
            ),
            _ => {
                return Err(format!(
                    "{} (expected only trunk's own)",
                    element.describe()
                ))
            }
        };
        let name = format!("{stem}-{:016x}.js", fnv1a(text.as_bytes()));
        out.push_str(&html[copied..element.open.start]);
        // `<script` + src + the original attributes (type, nonce…) + `>`.
        out.push_str(&html[element.open.start..element.open.start + "<script".len()]);
        out.push_str(&format!(" src=\"{base}{name}\"{extra_attrs}"));
        out.push_str(&html[element.open.start + "<script".len()..element.open.end]);
        out.push_str("</script>");
        copied = element.end;
        files.push((name, text));
    }
    out.push_str(&html[copied..]);
    match loaders {
        1 => Ok(Rewritten { html: out, files }),
        0 => Err(format!(
            "trunk's inline loader (<script type=\"module\"> dispatching {LOADER_MARKER}) \
             was not found: did trunk's output change, or did this hook already run?"
        )),
        n => Err(format!("{n} inline trunk loaders found, expected one")),
    }
}

/// The live-reload client as a file: the placeholders trunk serve only fills in HTML are read
/// at run time instead (the host from the page, the base from the script tag).
fn autoreload_file(content: &str) -> Result<String, String> {
    let mut text = content.trim().to_owned();
    for quote in ['\'', '"', '`'] {
        text = text
            .replace(
                &format!("{quote}{ADDRESS_PLACEHOLDER}{quote}"),
                "window.location.host",
            )
            .replace(
                &format!("{quote}{WS_BASE_PLACEHOLDER}{quote}"),
                "document.currentScript.dataset.wsBase",
            );
    }
    if text.contains("{{__TRUNK_") {
        return Err(format!(
            "trunk's live-reload script has a placeholder this hook does not know: {}",
            excerpt(&text[text.find("{{__TRUNK_").unwrap_or(0)..])
        ));
    }
    Ok(text)
}

/// Executable kinds of inline script.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ScriptKind {
    Classic,
    Module,
}

/// `(lower-case name, raw value)` of a tag's attributes, in document order.
pub(crate) type Attributes = Vec<(String, Option<String>)>;

/// A start tag found in the document, with the raw text content of `script` and `style`.
#[derive(Debug)]
pub(crate) struct Element {
    /// Lower-case tag name.
    pub(crate) name: String,
    /// The attributes.
    pub(crate) attrs: Attributes,
    /// Byte range of the start tag.
    pub(crate) open: std::ops::Range<usize>,
    /// Byte range of the content (empty for elements other than `script` and `style`).
    content: std::ops::Range<usize>,
    /// Byte offset just past the element (past the end tag for `script` and `style`).
    pub(crate) end: usize,
    /// Short excerpt of the content, for messages.
    excerpt: String,
}

impl Element {
    /// The value of attribute `name` (`""` when it has none), if present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// The kind of an inline script the browser would execute (and a strict policy blocks).
    fn inline_script_kind(&self) -> Option<ScriptKind> {
        if self.name != "script" || self.attr("src").is_some() {
            return None;
        }
        let kind = self.attr("type").unwrap_or("").trim().to_ascii_lowercase();
        match kind.as_str() {
            "module" => Some(ScriptKind::Module),
            "" => Some(ScriptKind::Classic),
            k if k.ends_with("javascript") || k.ends_with("ecmascript") => {
                Some(ScriptKind::Classic)
            }
            _ => None,
        }
    }

    /// What a policy without `'unsafe-inline'` would block in this element, if anything.
    fn problem(&self) -> Option<String> {
        if self.inline_script_kind().is_some() {
            return Some(self.describe());
        }
        if self.name == "script" && self.attr("src").is_none() {
            let kind = self.attr("type").unwrap_or("").trim().to_ascii_lowercase();
            if kind == "importmap" || kind == "speculationrules" {
                return Some(format!(
                    "inline <script type=\"{kind}\"> is blocked by script-src without \
                     'unsafe-inline'"
                ));
            }
        }
        if self.name == "style" {
            return Some(format!(
                "inline <style> {:?} is blocked by style-src without 'unsafe-inline'; move it \
                 to style/",
                self.excerpt
            ));
        }
        if self.attr("style").is_some() {
            return Some(format!(
                "style attribute on <{}> is blocked by style-src without 'unsafe-inline'",
                self.name
            ));
        }
        self.attrs
            .iter()
            .find(|(n, _)| n.starts_with("on") && n.len() > 2)
            .map(|(n, _)| {
                format!(
                    "inline event handler {n} on <{}> is blocked by script-src without \
                     'unsafe-inline'",
                    self.name
                )
            })
    }

    fn describe(&self) -> String {
        format!(
            "inline <script> {:?} is blocked by script-src without 'unsafe-inline'",
            self.excerpt
        )
    }
}

/// Every start tag of `html`, skipping comments, with `script`/`style` contents.
pub(crate) fn scan(html: &str) -> Result<Vec<Element>, String> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut elements = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        if lower[start..].starts_with("<!--") {
            at = lower[start..]
                .find("-->")
                .map(|i| start + i + 3)
                .ok_or("unterminated <!-- comment")?;
            continue;
        }
        let name_len = bytes[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let name = lower[start + 1..start + 1 + name_len].to_owned();
        let (attrs, open_end) = attributes(html, start + 1 + name_len)?;
        let (content, end) = if name == "script" || name == "style" {
            let close = format!("</{name}");
            let content_end = lower[open_end..]
                .find(&close)
                .map(|i| open_end + i)
                .ok_or_else(|| format!("<{name}> without </{name}>"))?;
            let end = lower[content_end..]
                .find('>')
                .map(|i| content_end + i + 1)
                .ok_or_else(|| format!("unterminated </{name}"))?;
            (open_end..content_end, end)
        } else {
            (open_end..open_end, open_end)
        };
        elements.push(Element {
            name,
            attrs,
            open: start..open_end,
            excerpt: excerpt(&html[content.clone()]),
            content,
            end,
        });
        at = end;
    }
    Ok(elements)
}

/// Parses attributes from `from` to the end of the start tag; returns them and the offset just
/// past its `>`.
fn attributes(html: &str, from: usize) -> Result<(Attributes, usize), String> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    let unterminated = || format!("unterminated tag at byte {from}");
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return Err(unterminated()),
            Some(b'>') => return Ok((attrs, i + 1)),
            Some(_) => {}
        }
        let name_start = i;
        while i < bytes.len() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            if bytes[i].is_ascii_whitespace() {
                break;
            }
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let value_start = i + 1;
                    let len = bytes[value_start..]
                        .iter()
                        .position(|b| *b == quote)
                        .ok_or_else(unterminated)?;
                    i = value_start + len + 1;
                    Some(html[value_start..value_start + len].to_owned())
                }
                Some(_) => {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    Some(html[value_start..i].to_owned())
                }
                None => return Err(unterminated()),
            }
        } else {
            None
        };
        attrs.push((name, value));
    }
}

/// The first 60 characters of `text`, on one line.
fn excerpt(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = line.chars().take(60).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}

/// 64-bit FNV-1a: a stable content hash for cache-busting file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What trunk 0.21 writes for `trunk build --release`.
    const BUILT: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Security settings</title>
    
<script type="module">
import init, * as bindings from './mfa-manager-415845f123b3303c.js';
const wasm = await init({ module_or_path: './mfa-manager-415845f123b3303c_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script>
    <link rel="stylesheet" href="./main-f06206c36ebc6fbf.css" integrity="sha384-Q0D8"/>
  <link rel="modulepreload" href="./mfa-manager-415845f123b3303c.js" crossorigin="anonymous" integrity="sha384-yC7s"></head>
  <body data-mfa-manager="page">
    <noscript>
      <p class="mfa-noscript">Managing your security settings needs JavaScript.</p>
    </noscript>
  </body>
</html>"#;

    fn tags(html: &str, name: &str) -> Vec<String> {
        scan(html)
            .unwrap()
            .into_iter()
            .filter(|e| e.name == name)
            .map(|e| html[e.open.start..e.end].to_owned())
            .collect()
    }

    #[test]
    fn moves_the_loader_into_a_hashed_module_file() {
        let out = rewrite(BUILT, "./").unwrap();
        assert_eq!(out.files.len(), 1);
        let (name, text) = &out.files[0];
        assert!(name.starts_with("init-") && name.ends_with(".js"), "{name}");
        assert!(text.starts_with("import init, * as bindings from './mfa-manager-"));
        assert!(text.ends_with("{detail: {wasm}}));"));
        assert_eq!(
            tags(&out.html, "script"),
            [format!(r#"<script src="./{name}" type="module"></script>"#)]
        );
        // Everything else is untouched.
        assert!(out.html.contains(r#"integrity="sha384-yC7s"></head>"#));
        assert!(out.html.ends_with("  </body>\n</html>"));
        // Clean for the policy; the first-screen step (the hook's last) is still to come.
        let err = verify_html(&out.html).unwrap_err();
        assert!(err.contains("first-screen-"), "{err}");
        let started = out.html.replace(name.as_str(), "first-screen-1.js");
        assert_eq!(verify_html(&started), Ok(()));
    }

    #[test]
    fn same_loader_same_name_other_loader_other_name() {
        let a = rewrite(BUILT, "./").unwrap();
        let b = rewrite(BUILT, "./").unwrap();
        let c = rewrite(&BUILT.replace("415845f1", "00000000"), "./").unwrap();
        assert_eq!(a.files[0].0, b.files[0].0);
        assert_ne!(a.files[0].0, c.files[0].0);
    }

    #[test]
    fn minified_and_upper_case_markup_with_a_nonce() {
        let html = "<HTML><HEAD><SCRIPT nonce='{{n}}' TYPE=module>import init from\"./a.js\";\
                    await init();dispatchEvent(new CustomEvent(`TrunkApplicationStarted`))\
                    </SCRIPT ></HEAD><BODY></BODY></HTML>";
        let out = rewrite(html, "/app").unwrap();
        let name = &out.files[0].0;
        assert_eq!(
            out.html,
            format!(
                "<HTML><HEAD><SCRIPT src=\"/app/{name}\" nonce='{{{{n}}}}' TYPE=module>\
                 </script></HEAD><BODY></BODY></HTML>"
            )
        );
    }

    #[test]
    fn moves_the_serve_autoreload_client_and_keeps_its_placeholders_working() {
        let html = BUILT.replace(
            "  </body>",
            "<script>(function () { const address = '{{__TRUNK_ADDRESS__}}';\n\
             const base = '{{__TRUNK_WS_BASE__}}'; let protocol = '';\n\
             const url = protocol + '://' + address + base + '.well-known/trunk/ws'; })()\
             </script></body>",
        );
        let out = rewrite(&html, "./").unwrap();
        assert_eq!(out.files.len(), 2);
        let (name, text) = &out.files[1];
        assert!(name.starts_with("autoreload-"), "{name}");
        assert!(
            text.contains("const address = window.location.host;"),
            "{text}"
        );
        assert!(text.contains("const base = document.currentScript.dataset.wsBase;"));
        assert!(out.html.contains(&format!(
            r#"<script src="./{name}" data-ws-base="{{{{__TRUNK_WS_BASE__}}}}"></script></body>"#
        )));
    }

    #[test]
    fn fails_loudly_without_the_loader() {
        let done = rewrite(BUILT, "./").unwrap().html;
        let err = rewrite(&done, "./").unwrap_err();
        assert!(err.contains("inline loader"), "{err}");
        let err = rewrite("<html><body></body></html>", "./").unwrap_err();
        assert!(err.contains("was not found"), "{err}");
    }

    #[test]
    fn refuses_what_the_policy_would_block() {
        for (extra, expected) in [
            ("<script>alert(1)</script>", "inline <script> \"alert(1)\""),
            ("<style>p{color:red}</style>", "inline <style>"),
            ("<p style=\"color:red\">x</p>", "style attribute on <p>"),
            ("<img src=x onerror=\"go()\">", "event handler onerror"),
            ("<script type=importmap>{}</script>", "importmap"),
        ] {
            let html = BUILT.replace(
                "<body data-mfa-manager=\"page\">",
                &format!("<body>{extra}"),
            );
            let err = rewrite(&html, "./").unwrap_err();
            assert!(err.contains(expected), "{extra}: {err}");
        }
    }

    #[test]
    fn leaves_data_scripts_comments_and_external_scripts_alone() {
        let html = BUILT.replace(
            "<body data-mfa-manager=\"page\">",
            "<body><!-- <script>old()</script> --><script type=\"application/json\">{}</script>\
             <script src=\"./x.js\"></script>",
        );
        let out = rewrite(&html, "./").unwrap();
        assert_eq!(out.files.len(), 1);
        assert!(out.html.contains("<!-- <script>old()</script> -->"));
        assert!(out
            .html
            .contains("<script type=\"application/json\">{}</script>"));
    }

    #[test]
    fn verify_rejects_a_build_without_the_hook() {
        let err = verify_html(BUILT).unwrap_err();
        assert!(err.contains("inline <script>"), "{err}");
    }

    fn verify_html(html: &str) -> Result<(), String> {
        let dir =
            std::env::temp_dir().join(format!("xtask-externalize-{}", fnv1a(html.as_bytes())));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), html).unwrap();
        let result = verify(&dir);
        let _ = fs::remove_dir_all(&dir);
        result
    }
}
