//! The college's mail server over TLS, on every backend: the same notices go through a real
//! aiosmtpd that speaks STARTTLS (`smtp+starttls://`) and one that speaks TLS from the first byte
//! (`smtps://`), each with a certificate for «localhost» that the client trusts through
//! `SSL_CERT_FILE`; a server whose certificate is not trusted gets nothing, and the notices wait.

use predicates::prelude::*;

use crate::notify::{journal, Journal};
use crate::support::{self, smtp::Smtp};

fn notify_tls(
    j: &Journal,
    url: &str,
    cert: Option<&std::path::Path>,
    at: &str,
) -> assert_cmd::assert::Assert {
    let mut c = support::cli::ezh();
    c.env("EZH_TOKEN_FILE", &j.token)
        .env("EZH_SMTP_URL", url)
        .env("XDG_STATE_HOME", &j.admin)
        .arg("--db")
        .arg(&j.url)
        .args(["notify", "run", "--date", at]);
    if let Some(cert) = cert {
        c.env("SSL_CERT_FILE", cert);
    }
    c.assert()
}

fn tls(backend: &str, url: &str, dir: &std::path::Path) {
    let Some((starttls, cert)) = Smtp::with_tls(dir, "notify_tls", true) else {
        return;
    };
    let Some((wrapped, cert2)) = Smtp::with_tls(dir, "notify_tls", false) else {
        return;
    };
    let j = journal(backend, url, dir, "absence");
    // Not trusted: the letters wait in the queue.
    notify_tls(
        &j,
        &format!("smtp+starttls://localhost:{}", starttls.port),
        None,
        "26.11.2026 20:00",
    )
    .success()
    .stderr(predicate::str::contains("почтовый сервер недоступен"));
    assert_eq!(
        starttls.count(),
        0,
        "{backend}: nothing over an untrusted connection"
    );
    notify_tls(
        &j,
        &format!("smtp+starttls://localhost:{}", starttls.port),
        Some(&cert),
        "26.11.2026 20:01",
    )
    .success()
    .stdout(predicate::str::contains("не доставлено 0; в очереди 0."));
    let first = starttls.count();
    assert!(first > 0, "{backend}: letters over STARTTLS");
    notify_tls(
        &j,
        &format!("smtps://localhost:{}", wrapped.port),
        Some(&cert2),
        "27.11.2026 20:00",
    )
    .success()
    .stdout(predicate::str::contains("не доставлено 0; в очереди 0."));
    assert!(wrapped.count() > 0, "{backend}: letters over TLS");
    assert_eq!(starttls.count(), first, "{backend}: each letter once");
}

#[test]
fn notices_go_over_starttls_and_tls_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("notify_tls", dir.path()) {
        tls(backend, &url, dir.path());
    }
}
