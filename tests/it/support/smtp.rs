//! A real SMTP server for the notice tests: aiosmtpd (Debian's python3-aiosmtpd, or PyPI's
//! aiosmtpd) on 127.0.0.1 and a free port, delivering into a Maildir of the test, with the
//! handlers of `tests/it/smtp/handlers.py` when a test needs a slow or a refusing server. The
//! Python that has aiosmtpd is `EZH_TEST_SMTP_PYTHON` (set by `.ci/run`), else the first of
//! `python3` and `/usr/bin/python3` that imports it; without one the test skips with a line,
//! and fails under CI.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One letter as the server received it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Letter {
    pub to: String,
    pub subject: String,
    pub message_id: String,
    /// The envelope's recipient, as the server saw it.
    pub rcpt: String,
    pub body: String,
}

/// A running server; stopped when dropped.
pub struct Smtp {
    child: Option<Child>,
    python: PathBuf,
    pub port: u16,
    pub maildir: PathBuf,
    handler: (String, Vec<String>),
    /// Options before the handler (the TLS certificate).
    options: Vec<String>,
}

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/smtp")
}

/// The Python that has aiosmtpd, if any.
pub fn python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("EZH_TEST_SMTP_PYTHON") {
        candidates.push(p.into());
    }
    candidates.push("python3".into());
    candidates.push("/usr/bin/python3".into());
    candidates.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Smtp {
    /// Starts the plain Maildir server in `dir`, or says why it cannot (a skip line; a
    /// failure under CI).
    pub fn start(dir: &Path, test: &str) -> Option<Smtp> {
        Smtp::with_handler(dir, test, "aiosmtpd.handlers.Mailbox", &[])
    }

    /// Starts the server with handler `class` (a dotted path; ours live in handlers.py) and its
    /// arguments after the Maildir.
    pub fn with_handler(dir: &Path, test: &str, class: &str, args: &[&str]) -> Option<Smtp> {
        let Some(python) = python() else {
            super::skip(
                &format!("smtp: {test}"),
                "aiosmtpd is not installed (apt-get install python3-aiosmtpd)",
            );
            return None;
        };
        let maildir = dir.join(format!("maildir-{}", free_port()));
        let mut s = Smtp {
            child: None,
            python,
            port: free_port(),
            maildir,
            handler: (
                class.to_string(),
                args.iter().map(|a| a.to_string()).collect(),
            ),
            options: Vec::new(),
        };
        s.resume();
        Some(s)
    }

    /// Starts the Maildir server with TLS: STARTTLS (`starttls`) or TLS from the first byte,
    /// with a certificate for «localhost» made here; returns the server and the certificate,
    /// which the client is told to trust through `SSL_CERT_FILE`.
    pub fn with_tls(dir: &Path, test: &str, starttls: bool) -> Option<(Smtp, PathBuf)> {
        let mut s = Smtp::start(dir, test)?;
        let cert = dir.join(format!("cert-{}.pem", s.port));
        let key = dir.join(format!("key-{}.pem", s.port));
        let made = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args([
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
            ])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|st| st.success());
        if !made {
            super::skip(
                &format!("smtp tls: {test}"),
                "openssl cannot make a certificate",
            );
            return None;
        }
        let (c, k) = if starttls {
            ("--tlscert", "--tlskey")
        } else {
            ("--smtpscert", "--smtpskey")
        };
        s.options = vec![
            c.into(),
            cert.display().to_string(),
            k.into(),
            key.display().to_string(),
        ];
        s.resume();
        Some((s, cert))
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops the server (the port stays this server's for [`Smtp::resume`]).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts the server again on the same port and Maildir.
    pub fn resume(&mut self) {
        self.stop();
        let child = Command::new(&self.python)
            .env("PYTHONPATH", here())
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(&self.options)
            .arg("-c")
            .arg(&self.handler.0)
            .arg(&self.maildir)
            .args(&self.handler.1)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        self.child = Some(child);
        let until = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < until,
                "aiosmtpd did not listen on {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every letter received so far.
    pub fn letters(&self) -> Vec<Letter> {
        if !self.maildir.join("new").exists() {
            return Vec::new();
        }
        let out = Command::new(&self.python)
            .arg(here().join("dump.py"))
            .arg(&self.maildir)
            .output()
            .expect("read the Maildir");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("letters as JSON")
    }

    /// How many letters arrived (without reading them).
    pub fn count(&self) -> usize {
        std::fs::read_dir(self.maildir.join("new")).map_or(0, |d| d.count())
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        self.stop();
    }
}
