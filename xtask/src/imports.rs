//! `cargo xtask imports`: fails when files of a crate refer to each other in a circle.
//!
//! Files in a circle (`a.rs` uses `b.rs`, which uses `a.rs`, maybe through more files) cannot
//! be read, tested or moved one without the others: they are one module in all but name. This
//! check parses every file of the checked crates with `syn`, builds the graph of which file
//! refers to which, and reports its strongly connected components of more than one file.
//!
//! A file refers to another through `use` items and paths in code (macro bodies included, such
//! as `view!` and `format!`) that start with `crate::`, `super::`, `self::`, a child module
//! declared in the same file or a module brought in by a `use`; the path leads to the file of
//! the last module it names. `mod x;` declarations are not references. A `pub use` re-export
//! is a facade, not a dependency: the re-exporting file gets no reference from it, and a path
//! through it leads on to the file the item comes from. Test code (`#[cfg(test)]` items, and
//! files declared only by them) is not part of the architecture and is left out; other
//! `#[cfg(...)]` attributes are not, so the code of every target counts.

use crate::paths;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use syn::buffer::{Cursor, TokenBuffer};
use syn::ext::IdentExt;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Attribute, ImplItem, Item, Meta, TraitItem, UseTree, Visibility};

#[cfg(test)]
mod tests;

/// The checked crate folders, relative to the workspace root. Each crate's root is `lib.rs`
/// in its folder; a `main.rs` beside it is a separate binary and is not checked.
pub const CRATE_FOLDERS: [&str; 3] = ["src", "emulator/src", "e2e/src"];

/// How many re-exports and `use` aliases one path may pass through before resolution gives
/// up (re-exports can form loops).
const MAX_HOPS: usize = 16;

/// One file referring to another: code in `from` uses an item of the module `to` defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The referring file, relative to the crate folder (`factors/list.rs`).
    pub from: String,
    /// The file referred to.
    pub to: String,
    /// The first path in `from` that leads to `to`, as written (`super::manager::Manager`).
    pub via: String,
}

/// Files that all reach each other through edges.
#[derive(Debug)]
pub struct Circle {
    /// The files, sorted, relative to the crate folder.
    pub files: Vec<String>,
    /// The edges between them, sorted.
    pub edges: Vec<Edge>,
}

/// Entry point of `cargo xtask imports` and of the `imports` stage of `cargo xtask test`:
/// prints, per crate folder, its circles or that it has none; fails if any folder has a
/// circle or a file that cannot be read or parsed.
pub fn run() -> Result<(), String> {
    let root = paths::root();
    let mut failing = Vec::new();
    for folder in CRATE_FOLDERS {
        match circles(&root.join(folder)) {
            Ok(found) => {
                print!("{}", report(folder, &found));
                if !found.is_empty() {
                    failing.push(format!("{folder}/ has import circles"));
                }
            }
            Err(e) => {
                println!("{folder}/: {e}");
                failing.push(format!("{folder}/ could not be checked"));
            }
        }
    }
    if failing.is_empty() {
        Ok(())
    } else {
        Err(format!("imports: {}", failing.join("; ")))
    }
}

/// The import circles of the crate whose root `lib.rs` is in `folder`, sorted.
pub fn circles(folder: &Path) -> Result<Vec<Circle>, String> {
    let krate = Crate::load(folder)?;
    let edges = krate.edges();
    let mut found: Vec<Circle> = strongly_connected(krate.files.len(), &edges)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            let mut files: Vec<String> = component
                .iter()
                .map(|&f| krate.files[f].name.clone())
                .collect();
            files.sort();
            let mut inner: Vec<Edge> = edges
                .iter()
                .filter(|((from, to), _)| component.contains(from) && component.contains(to))
                .map(|(&(from, to), via)| Edge {
                    from: krate.files[from].name.clone(),
                    to: krate.files[to].name.clone(),
                    via: via.clone(),
                })
                .collect();
            inner.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
            Circle {
                files,
                edges: inner,
            }
        })
        .collect();
    found.sort_by(|a, b| a.files.cmp(&b.files));
    Ok(found)
}

/// Every edge of the crate whose root `lib.rs` is in `folder`, sorted (for tests and
/// diagnosis).
#[cfg(test)]
fn edges(folder: &Path) -> Result<Vec<Edge>, String> {
    let krate = Crate::load(folder)?;
    let mut all: Vec<Edge> = krate
        .edges()
        .into_iter()
        .map(|((from, to), via)| Edge {
            from: krate.files[from].name.clone(),
            to: krate.files[to].name.clone(),
            via,
        })
        .collect();
    all.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    Ok(all)
}

/// The text printed for one crate folder: `no import circles`, or each circle's files and
/// the edges between them.
pub fn report(folder: &str, circles: &[Circle]) -> String {
    if circles.is_empty() {
        return format!("{folder}/: no import circles\n");
    }
    let mut text = format!(
        "{folder}/: {} import circle{}\n",
        circles.len(),
        if circles.len() == 1 { "" } else { "s" }
    );
    for (n, circle) in circles.iter().enumerate() {
        text += &format!(
            "  circle {} ({} files): {}\n",
            n + 1,
            circle.files.len(),
            circle.files.join(", ")
        );
        for edge in &circle.edges {
            text += &format!("    {} -> {}   via {}\n", edge.from, edge.to, edge.via);
        }
    }
    text
}

/// One crate's files and modules, as declared from its `lib.rs`.
struct Crate {
    /// The crate folder; file names are relative to it.
    folder: PathBuf,
    /// Every file reached through `mod` declarations; the first is `lib.rs`.
    files: Vec<SourceFile>,
    /// Every module, file or inline; the first is the crate root.
    modules: Vec<Module>,
}

/// One parsed file.
struct SourceFile {
    /// Path relative to the crate folder, with `/` separators.
    name: String,
    /// The module the file defines.
    module: usize,
    /// The file's syntax tree.
    syntax: syn::File,
}

/// One module: a file's, or an inline `mod x { … }` inside a file.
struct Module {
    /// The file the module's code is in.
    file: usize,
    /// The enclosing module (none for the crate root).
    parent: Option<usize>,
    /// Child modules by name.
    children: BTreeMap<String, usize>,
    /// Names of the items defined here (functions, types, constants…), to follow glob
    /// re-exports.
    items: BTreeSet<String>,
    /// The module-level `use` items (test-only ones left out).
    uses: Vec<UseEntry>,
}

/// One name (or glob) a `use` item brings in.
#[derive(Debug, Clone)]
struct UseEntry {
    /// The full path imported: `[super, manager, Manager]`; for a glob, the path before `*`;
    /// for `self` in a group, the path to the module.
    path: Vec<String>,
    /// The name bound in scope (the last segment, or the `as` rename); none for a glob or
    /// `as _`.
    binding: Option<String>,
    /// Whether the entry is a glob (`*`).
    glob: bool,
    /// Whether the `use` is a re-export (see [`is_reexport`]).
    public: bool,
}

/// Where a name is bound by a `pub use` re-export.
enum Reexport {
    /// The module has no re-export of that name.
    None,
    /// Re-exported from outside the crate.
    External,
    /// Leads to this module, and whether the path named only modules.
    To(usize, bool),
}

impl Crate {
    /// Parses `folder/lib.rs` and every file its `mod` declarations reach, test-only ones
    /// excepted.
    fn load(folder: &Path) -> Result<Crate, String> {
        let mut krate = Crate {
            folder: folder.to_path_buf(),
            files: Vec::new(),
            modules: Vec::new(),
        };
        krate.add_file("lib.rs".into(), None, "")?;
        Ok(krate)
    }

    /// Parses the file `name` as the module `parent` declares (none for the crate root), and
    /// what it declares; child files are looked for in `child_dir`.
    fn add_file(
        &mut self,
        name: String,
        parent: Option<(usize, String)>,
        child_dir: &str,
    ) -> Result<(), String> {
        let path = self.folder.join(&name);
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let syntax = syn::parse_file(&text).map_err(|e| format!("cannot parse {name}: {e}"))?;
        let file = self.files.len();
        let module = self.add_module(file, parent);
        self.files.push(SourceFile {
            name,
            module,
            syntax,
        });
        let items = std::mem::take(&mut self.files[file].syntax.items);
        let declared = self.declare(module, &items, child_dir);
        self.files[file].syntax.items = items;
        declared
    }

    /// A new module whose code is in `file`, registered as its parent's child.
    fn add_module(&mut self, file: usize, parent: Option<(usize, String)>) -> usize {
        let module = self.modules.len();
        self.modules.push(Module {
            file,
            parent: parent.as_ref().map(|(p, _)| *p),
            children: BTreeMap::new(),
            items: BTreeSet::new(),
            uses: Vec::new(),
        });
        if let Some((p, name)) = parent {
            self.modules[p].children.insert(name, module);
        }
        module
    }

    /// Records the child modules, `use` items and item names of `module` from its items
    /// (test-only items left out), loading child module files from `dir`.
    fn declare(&mut self, module: usize, items: &[Item], dir: &str) -> Result<(), String> {
        for item in items {
            if is_test_only(item_attrs(item)) {
                continue;
            }
            match item {
                Item::Mod(m) => {
                    let name = m.ident.unraw().to_string();
                    let sub_dir = if dir.is_empty() {
                        name.clone()
                    } else {
                        format!("{dir}/{name}")
                    };
                    match &m.content {
                        Some((_, inner)) => {
                            let file = self.modules[module].file;
                            let child = self.add_module(file, Some((module, name)));
                            self.declare(child, inner, &sub_dir)?;
                        }
                        None => {
                            let candidates = [format!("{sub_dir}.rs"), format!("{sub_dir}/mod.rs")];
                            let Some(found) =
                                candidates.iter().find(|c| self.folder.join(c).is_file())
                            else {
                                let declaring = &self.files[self.modules[module].file].name;
                                return Err(format!(
                                    "{declaring}: no file for `mod {name};` \
                                     (looked for {} and {})",
                                    candidates[0], candidates[1]
                                ));
                            };
                            self.add_file(found.clone(), Some((module, name)), &sub_dir)?;
                        }
                    }
                }
                Item::Use(u) => {
                    if u.leading_colon.is_none() {
                        let public = is_reexport(&u.vis);
                        let uses = &mut self.modules[module].uses;
                        uses.extend(expand(&u.tree).into_iter().map(|mut entry| {
                            entry.public = public;
                            entry
                        }));
                    }
                }
                other => {
                    if let Some(name) = item_name(other) {
                        self.modules[module].items.insert(name);
                    }
                }
            }
        }
        Ok(())
    }

    /// Every file-to-file edge, each with the first path (as written) that makes it.
    fn edges(&self) -> BTreeMap<(usize, usize), String> {
        let mut edges = BTreeMap::new();
        for (index, file) in self.files.iter().enumerate() {
            let mut refs = References {
                krate: self,
                module: file.module,
                found: Vec::new(),
            };
            refs.visit_file(&file.syntax);
            for (scope, path, via) in refs.found {
                if let Some((target, _)) = self.resolve(scope, &path, 0) {
                    let to = self.modules[target].file;
                    if to != index {
                        edges.entry((index, to)).or_insert(via);
                    }
                }
            }
        }
        edges
    }

    /// Where `path`, written in module `scope`, leads: the last module of this crate it
    /// reaches (following re-exports), and whether every segment named a module. None when
    /// the path does not start inside this crate (another crate, a local item or variable).
    fn resolve(&self, scope: usize, path: &[String], hops: usize) -> Option<(usize, bool)> {
        if hops > MAX_HOPS {
            return None;
        }
        let (first, rest) = path.split_first()?;
        let mut at = match first.as_str() {
            "crate" | "$crate" => 0,
            "self" => scope,
            "super" => self.modules[scope].parent?,
            name => match self.modules[scope].children.get(name) {
                Some(&child) => child,
                None => self.alias(scope, name, hops)?,
            },
        };
        for (i, segment) in rest.iter().enumerate() {
            match segment.as_str() {
                "super" => at = self.modules[at].parent?,
                "self" => {}
                name => {
                    if let Some(&child) = self.modules[at].children.get(name) {
                        at = child;
                        continue;
                    }
                    return match self.reexport(at, name, &rest[i + 1..], hops) {
                        Reexport::None => Some((at, false)),
                        Reexport::External => None,
                        Reexport::To(module, whole) => Some((module, whole)),
                    };
                }
            }
        }
        Some((at, true))
    }

    /// The module that `name` names in `scope` through a `use` of a module
    /// (`use crate::config;`, `use super::list as rows;`), if any.
    fn alias(&self, scope: usize, name: &str, hops: usize) -> Option<usize> {
        self.modules[scope]
            .uses
            .iter()
            .filter(|u| !u.glob && u.binding.as_deref() == Some(name))
            .find_map(|u| match self.resolve(scope, &u.path, hops + 1) {
                Some((module, true)) => Some(module),
                _ => None,
            })
    }

    /// Where `name` in `module` leads when `module` re-exports it (by name, or through a
    /// `pub use x::*` of a module that has it), followed by the segments `after`.
    fn reexport(&self, module: usize, name: &str, after: &[String], hops: usize) -> Reexport {
        let uses = &self.modules[module].uses;
        let named = uses
            .iter()
            .find(|u| u.public && !u.glob && u.binding.as_deref() == Some(name));
        if let Some(u) = named {
            let path = [u.path.as_slice(), after].concat();
            return match self.resolve(module, &path, hops + 1) {
                Some((to, whole)) => Reexport::To(to, whole),
                None => Reexport::External,
            };
        }
        for u in uses.iter().filter(|u| u.public && u.glob) {
            if let Some((source, true)) = self.resolve(module, &u.path, hops + 1) {
                if self.defines(source, name, hops + 1) {
                    let path = [&["self".to_owned(), name.to_owned()], after].concat();
                    if let Some((to, whole)) = self.resolve(source, &path, hops + 1) {
                        return Reexport::To(to, whole);
                    }
                }
            }
        }
        Reexport::None
    }

    /// Whether `module` has an item, child module or re-export called `name`.
    fn defines(&self, module: usize, name: &str, hops: usize) -> bool {
        let m = &self.modules[module];
        if hops > MAX_HOPS {
            return false;
        }
        if m.children.contains_key(name) || m.items.contains(name) {
            return true;
        }
        m.uses.iter().filter(|u| u.public).any(|u| {
            if u.glob {
                matches!(self.resolve(module, &u.path, hops + 1),
                    Some((source, true)) if self.defines(source, name, hops + 1))
            } else {
                u.binding.as_deref() == Some(name)
            }
        })
    }
}

/// Collects the paths one file's code refers through, with the module each is written in.
struct References<'a> {
    /// The crate, for inline modules' ids.
    krate: &'a Crate,
    /// The module being visited.
    module: usize,
    /// `(module, path, path as written)` for every `use` entry and every path of two or more
    /// segments, test code left out.
    found: Vec<(usize, Vec<String>, String)>,
}

impl References<'_> {
    fn add(&mut self, path: Vec<String>, shown: String) {
        self.found.push((self.module, path, shown));
    }
}

impl<'ast> Visit<'ast> for References<'_> {
    fn visit_item(&mut self, item: &'ast Item) {
        if !is_test_only(item_attrs(item)) {
            visit::visit_item(self, item);
        }
    }

    fn visit_impl_item(&mut self, item: &'ast ImplItem) {
        let attrs = match item {
            ImplItem::Const(i) => &i.attrs,
            ImplItem::Fn(i) => &i.attrs,
            ImplItem::Type(i) => &i.attrs,
            ImplItem::Macro(i) => &i.attrs,
            _ => return visit::visit_impl_item(self, item),
        };
        if !is_test_only(attrs) {
            visit::visit_impl_item(self, item);
        }
    }

    fn visit_trait_item(&mut self, item: &'ast TraitItem) {
        let attrs = match item {
            TraitItem::Const(i) => &i.attrs,
            TraitItem::Fn(i) => &i.attrs,
            TraitItem::Type(i) => &i.attrs,
            TraitItem::Macro(i) => &i.attrs,
            _ => return visit::visit_trait_item(self, item),
        };
        if !is_test_only(attrs) {
            visit::visit_trait_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        // `mod x;` is a declaration, not a reference; an inline module's code is visited in
        // that module.
        let Some((_, items)) = &item.content else {
            return;
        };
        let name = item.ident.unraw().to_string();
        let Some(&child) = self.krate.modules[self.module].children.get(&name) else {
            return;
        };
        let outer = std::mem::replace(&mut self.module, child);
        for inner in items {
            self.visit_item(inner);
        }
        self.module = outer;
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        // A re-export is a facade: paths through it are followed to the item's source.
        if item.leading_colon.is_some() || is_reexport(&item.vis) {
            return;
        }
        for entry in expand(&item.tree) {
            let mut shown = entry.path.join("::");
            if entry.glob {
                shown += "::*";
            }
            self.add(entry.path, format!("use {shown}"));
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() && path.segments.len() >= 2 {
            let segments: Vec<String> = path
                .segments
                .iter()
                .map(|s| s.ident.unraw().to_string())
                .collect();
            let shown = segments.join("::");
            self.add(segments, shown);
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        let buffer = TokenBuffer::new2(mac.tokens.clone());
        let mut paths = Vec::new();
        token_paths(buffer.begin(), &mut paths);
        for path in paths {
            let shown = path.join("::");
            self.add(path, shown);
        }
    }

    // Paths in attributes (docs, derives, `cfg`) and visibilities (`pub(in crate::x)`) are
    // not references.
    fn visit_attribute(&mut self, _: &'ast Attribute) {}

    fn visit_visibility(&mut self, _: &'ast Visibility) {}
}

/// Paths of two or more segments (`crate::a::f`, `list::Row`) in macro tokens, which are not
/// Rust syntax that `syn` could parse (`view! { … }`), found token by token.
fn token_paths(mut cursor: Cursor, out: &mut Vec<Vec<String>>) {
    // An identifier right after `::` continues a path that did not start with an identifier
    // (`<T>::x`), so it does not start one.
    let mut after_colons = false;
    while !cursor.eof() {
        if let Some((inside, _, _, next)) = cursor.any_group() {
            token_paths(inside, out);
            cursor = next;
            after_colons = false;
        } else if let Some((ident, next)) = cursor.ident() {
            let mut path = vec![ident.unraw().to_string()];
            let mut at = next;
            while let Some((segment, rest)) = colons(at).and_then(|c| c.ident()) {
                path.push(segment.unraw().to_string());
                at = rest;
            }
            if !after_colons && path.len() >= 2 {
                out.push(path);
            }
            cursor = at;
            after_colons = false;
        } else if let Some(next) = colons(cursor) {
            cursor = next;
            after_colons = true;
        } else if let Some((_, next)) = cursor.token_tree() {
            cursor = next;
            after_colons = false;
        } else {
            break;
        }
    }
}

/// The cursor after a `::` at `cursor`, if there is one.
fn colons(cursor: Cursor) -> Option<Cursor> {
    let (first, next) = cursor.punct()?;
    let (second, rest) = next.punct()?;
    (first.as_char() == ':' && second.as_char() == ':').then_some(rest)
}

/// The entries of a `use` tree (`crate::x::{y, z::{w as v}, self, *}`), not yet marked
/// public.
fn expand(tree: &UseTree) -> Vec<UseEntry> {
    fn walk(tree: &UseTree, prefix: &mut Vec<String>, out: &mut Vec<UseEntry>) {
        let entry = |path: Vec<String>, binding: Option<String>, glob: bool| UseEntry {
            path,
            binding,
            glob,
            public: false,
        };
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.unraw().to_string());
                walk(&p.tree, prefix, out);
                prefix.pop();
            }
            UseTree::Name(n) => {
                let name = n.ident.unraw().to_string();
                if name == "self" {
                    out.push(entry(prefix.clone(), prefix.last().cloned(), false));
                } else {
                    out.push(entry(
                        [prefix.clone(), vec![name.clone()]].concat(),
                        Some(name),
                        false,
                    ));
                }
            }
            UseTree::Rename(r) => {
                let name = r.ident.unraw().to_string();
                let rename = r.rename.unraw().to_string();
                let binding = (rename != "_").then_some(rename);
                let path = if name == "self" {
                    prefix.clone()
                } else {
                    [prefix.clone(), vec![name]].concat()
                };
                out.push(entry(path, binding, false));
            }
            UseTree::Glob(_) => out.push(entry(prefix.clone(), None, true)),
            UseTree::Group(g) => {
                for item in &g.items {
                    walk(item, prefix, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

/// Whether a `use` with this visibility is a re-export: `pub`, `pub(crate)`, `pub(super)` or
/// `pub(in …)`, but not `pub(self)`, which is private.
fn is_reexport(vis: &Visibility) -> bool {
    match vis {
        Visibility::Inherited => false,
        Visibility::Restricted(r) => !r.path.is_ident("self"),
        _ => true,
    }
}

/// The attributes of an item.
fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// The name an item defines in its module's namespace, if it has one.
fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(i) => &i.ident,
        Item::Enum(i) => &i.ident,
        Item::Fn(i) => &i.sig.ident,
        Item::Static(i) => &i.ident,
        Item::Struct(i) => &i.ident,
        Item::Trait(i) => &i.ident,
        Item::TraitAlias(i) => &i.ident,
        Item::Type(i) => &i.ident,
        Item::Union(i) => &i.ident,
        _ => return None,
    };
    Some(ident.unraw().to_string())
}

/// Whether the attributes include a `#[cfg(…)]` that holds only in tests: `cfg(test)`, or
/// `cfg(all(…))` with such a condition among its parts.
fn is_test_only(attrs: &[Attribute]) -> bool {
    fn needs_test(meta: &Meta) -> bool {
        match meta {
            Meta::Path(p) => p.is_ident("test"),
            Meta::List(list) if list.path.is_ident("all") => list
                .parse_args_with(Punctuated::<Meta, syn::Token![,]>::parse_terminated)
                .is_ok_and(|parts| parts.iter().any(needs_test)),
            _ => false,
        }
    }
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.parse_args::<Meta>().is_ok_and(|m| needs_test(&m)))
}

/// Tarjan's strongly connected components of the graph of `nodes` nodes and `edges`.
fn strongly_connected<V>(nodes: usize, edges: &BTreeMap<(usize, usize), V>) -> Vec<Vec<usize>> {
    struct Tarjan {
        next: Vec<Vec<usize>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        components: Vec<Vec<usize>>,
    }
    impl Tarjan {
        fn connect(&mut self, v: usize) {
            self.index[v] = Some(self.counter);
            self.low[v] = self.counter;
            self.counter += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for i in 0..self.next[v].len() {
                let w = self.next[v][i];
                match self.index[w] {
                    None => {
                        self.connect(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(index) if self.on_stack[w] => self.low[v] = self.low[v].min(index),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                self.components.push(component);
            }
        }
    }
    let mut next = vec![Vec::new(); nodes];
    for &(from, to) in edges.keys() {
        next[from].push(to);
    }
    let mut tarjan = Tarjan {
        next,
        index: vec![None; nodes],
        low: vec![0; nodes],
        on_stack: vec![false; nodes],
        stack: Vec::new(),
        counter: 0,
        components: Vec::new(),
    };
    for v in 0..nodes {
        if tarjan.index[v].is_none() {
            tarjan.connect(v);
        }
    }
    tarjan.components
}
