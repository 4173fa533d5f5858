//! XLSX as the office prints it: the progress statement of ТМ-26 (25 students × 13 subjects) is
//! opened by LibreOffice and printed to PDF (`soffice --headless --convert-to pdf`, as «Печать»
//! with the sheet's own page setup). It must come out on at most two A4 landscape pages with
//! every column there: every subject's heading, every student, the last column's figures, and
//! «Страница 1 из N» at the foot. Where LibreOffice is not installed the test says so and skips,
//! except under CI, which installs it.

use crate::support;

use std::process::Command;

/// `soffice`, if installed.
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The MediaBox sizes (width, height in points) of every page of a PDF.
fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let open = rest.find('[')?;
            let close = rest.find(']')?;
            let n: Vec<f64> = rest[open + 1..close]
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .collect()
}

#[test]
fn a_progress_statement_prints_from_libreoffice_on_two_landscape_pages_at_most() {
    let Some(office) = soffice() else {
        support::skip(
            "libreoffice",
            "soffice is not installed (apt-get install libreoffice-calc-nogui)",
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &db, args, stdin);
    support::cli::demo_signed_in(&state, &db, "deputy", "demo-deputy-2026");
    let xlsx = dir.path().join("ТМ-26.xlsx");
    let statement = [
        "report",
        "progress-statement",
        "--group",
        "ТМ-26",
        "--date",
        "27.11.2026",
    ];
    let mut args = statement.to_vec();
    args.extend(["--format", "xlsx", "-o", xlsx.to_str().expect("path")]);
    run(&args, "").success();
    let json = run(&[&statement[..], &["--format", "json"]].concat(), "")
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).expect("json");

    // A profile of its own, so that a LibreOffice the user has open does not take the job.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let out = Command::new(office)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&xlsx)
        .env("HOME", dir.path())
        .output()
        .expect("soffice");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("ТМ-26.pdf")).expect("the printed statement");

    let sizes = page_sizes(&pdf);
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).expect("pdf text");
    assert!(
        (1..=2).contains(&pages.len()),
        "{} pages: {sizes:?}",
        pages.len()
    );
    // A4 landscape: 842 × 595 pt.
    assert!(
        !sizes.is_empty()
            && sizes
                .iter()
                .all(|(w, h)| (w - 841.9).abs() < 1.0 && (h - 595.3).abs() < 1.0),
        "{sizes:?}"
    );
    let text: String = pages.concat();
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let subjects: Vec<&str> = json["column_groups"]
        .as_array()
        .expect("column groups")
        .iter()
        .filter(|g| g["title"] == "Дисциплины")
        .flat_map(|g| g["columns"].as_array().into_iter().flatten())
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(subjects.len(), 13, "{json}");
    for subject in &subjects {
        // A heading wraps inside its cell: each of its words is on the page.
        for word in subject.split_whitespace() {
            assert!(
                squeezed.contains(word),
                "«{word}» of «{subject}» is not printed:\n{squeezed}"
            );
        }
    }
    let rows = json["rows"].as_array().expect("rows");
    let cells = |r: &serde_json::Value| r["cells"].as_array().cloned().unwrap_or_default();
    let students: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            cells(r)
                .first()
                .filter(|c| c["value"].is_number())
                .and(cells(r).get(1).cloned())
        })
        .filter_map(|c| c["text"].as_str().map(str::to_string))
        .collect();
    assert_eq!(students.len(), 25, "{students:?}");
    for name in &students {
        let surname = name.split_whitespace().next().unwrap_or(name);
        assert!(squeezed.contains(surname), "{surname} is not printed");
    }
    // The last column's figures, as a spreadsheet shows a number: the whole width is on the
    // page, not cut at its edge.
    for r in rows.iter().take(25) {
        let last = cells(r)
            .last()
            .and_then(|c| c["value"].as_f64())
            .expect("a figure");
        let shown = format!("{last:.2}");
        assert!(
            squeezed.contains(&shown) || squeezed.contains(&shown.replace('.', ",")),
            "the last column ({shown}) is not printed"
        );
    }
    assert!(
        squeezed.contains(&format!("Страница 1 из {}", pages.len())),
        "no page footer:\n{squeezed}"
    );
}
