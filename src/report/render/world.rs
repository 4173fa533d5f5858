//! The smallest typst `World` a report needs: one main source (the report template), one data
//! file (the report as JSON, read by the template with `json(…)`, so no report text is ever
//! spliced into markup) and the DejaVu Sans fonts embedded in the binary, which cover Cyrillic.
//! Fonts and the standard library are parsed once per process and shared by every report.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts shipped in `assets/fonts` (licence beside them).
static FONT_FILES: [&[u8]; 2] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
];

/// The report template.
const TEMPLATE: &str = include_str!("report.typ");

/// The path the template reads the data from.
pub const DATA_PATH: &str = "/report.json";

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// One report being typeset.
pub struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl ReportWorld {
    /// A world whose main file is the template and whose data file holds `json`.
    pub fn new(json: Vec<u8>) -> ReportWorld {
        let main_id = FileId::new(None, VirtualPath::new("/main.typ"));
        ReportWorld {
            main: Source::new(main_id, TEMPLATE.to_string()),
            data_id: FileId::new(None, VirtualPath::new(DATA_PATH)),
            data: Bytes::new(json),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // The template prints the report's own date, never the clock: output is reproducible.
        None
    }
}
