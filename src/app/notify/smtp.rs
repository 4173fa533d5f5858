//! Delivery by e-mail over SMTP (lettre). The server is given as a URL: `smtp://host:port` for
//! a relay on the college's network or this machine (no encryption), `smtps://host:port` (TLS
//! from the start, port 465 by default), `smtp+starttls://host:port` (STARTTLS, 587). A user
//! name may stand in the URL (`smtps://ezh@mail.college.ru`); the password never does: it comes
//! from a file or the environment (`docs/notify.md`), so it is in no command line, no config
//! file that others read, and no log.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::{Message, SmtpTransport, Transport};

use crate::app::AppError;

/// Where and how to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub url: String,
    pub password: Option<String>,
}

/// The parts of an SMTP URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub security: Security,
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    Plain,
    Tls,
    StartTls,
}

fn bad(url: &str, why: &str) -> AppError {
    AppError::Invalid(format!("адрес почтового сервера «{url}»: {why}"))
}

/// Reads `smtp://[user@]host[:port]` and its TLS variants.
pub fn parse_url(url: &str) -> Result<Server, AppError> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad(url, "нужно smtp://, smtps:// или smtp+starttls://"))?;
    let (security, default_port) = match scheme.to_lowercase().as_str() {
        "smtp" => (Security::Plain, 25),
        "smtps" => (Security::Tls, 465),
        "smtp+starttls" => (Security::StartTls, 587),
        _ => return Err(bad(url, "нужно smtp://, smtps:// или smtp+starttls://")),
    };
    let rest = rest.trim_end_matches('/');
    let (user, host_port) = match rest.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, rest),
    };
    if let Some(u) = user {
        if u.contains(':') {
            return Err(bad(
                "…",
                "пароль в адресе не пишут: он берётся из файла smtp_password_file или \
                 переменной EZH_SMTP_PASSWORD_FILE / EZH_SMTP_PASSWORD",
            ));
        }
    }
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .map_err(|_| bad(url, &format!("порт «{p}» — не число от 1 до 65535")))?,
        ),
        None => (host_port, default_port),
    };
    if host.is_empty() || host.contains('/') {
        return Err(bad(url, "не указан сервер"));
    }
    Ok(Server {
        security,
        host: host.to_string(),
        port,
        user: user.map(|u| u.replace("%40", "@")),
    })
}

/// A connection to the college's mail server and the sender of its letters.
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    /// The part of Message-IDs after «@».
    domain: String,
    port: u16,
    /// Whether the pooled connection has Nagle's algorithm turned off.
    tuned: std::cell::Cell<bool>,
}

/// Turns Nagle's algorithm off on this process's TCP connections to `port`. lettre 0.11.23
/// leaves it on and writes a letter's final «.» apart from its text; the server's delayed
/// acknowledgement then holds every letter 40 ms (lettre's pull request 1159, not yet
/// released): 25 letters a second instead of several hundred. The socket is lettre's, so it is
/// found among the process's open descriptors by the server's port.
#[cfg(target_os = "linux")]
fn no_delay(port: u16) {
    use std::os::fd::BorrowedFd;
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else {
        return;
    };
    for entry in dir.flatten() {
        let Some(fd) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        // SAFETY: the descriptor was open when listed and nothing closes descriptors while a
        // run sends (one thread); it is only borrowed for two system calls, never closed.
        let fd = unsafe { BorrowedFd::borrow_raw(fd) };
        let peer = rustix::net::getpeername(fd)
            .ok()
            .flatten()
            .and_then(|a| std::net::SocketAddr::try_from(a).ok());
        if peer.is_some_and(|a| a.port() == port) {
            let _ = rustix::net::sockopt::set_tcp_nodelay(fd, true);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn no_delay(_port: u16) {}

/// Why one letter did not go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The server is not reachable (or broke the connection): every later letter would fail as
    /// well, so the run stops sending and tries again next time.
    Connection(String),
    /// The server refused this letter; `permanent` (5xx) is not retried.
    Refused { permanent: bool, text: String },
}

impl Mailer {
    /// Prepares sending through `settings` from `sender` («Колледж <ezh@college.ru>»).
    pub fn new(settings: &SmtpSettings, sender: &str) -> Result<Mailer, AppError> {
        let server = parse_url(&settings.url)?;
        let from: Mailbox = sender.parse().map_err(|_| {
            AppError::Invalid(format!(
                "отправитель уведомлений «{sender}» — не адрес; задайте его: ezh college set \
                 notify_sender \"Колледж <ezh@college.ru>\""
            ))
        })?;
        let tls = |host: &str| {
            lettre::transport::smtp::client::TlsParameters::new(host.to_string())
                .map_err(|e| bad(&settings.url, &format!("TLS: {e}")))
        };
        use lettre::transport::smtp::client::Tls;
        let mut b = SmtpTransport::builder_dangerous(server.host.as_str())
            .port(server.port)
            .timeout(Some(Duration::from_secs(20)))
            .pool_config(PoolConfig::new().max_size(1));
        b = match server.security {
            Security::Plain => b.tls(Tls::None),
            Security::Tls => b.tls(Tls::Wrapper(tls(&server.host)?)),
            Security::StartTls => b.tls(Tls::Required(tls(&server.host)?)),
        };
        if let Some(user) = &server.user {
            let password = settings.password.clone().ok_or_else(|| {
                AppError::Invalid(format!(
                    "для входа {user} на почтовый сервер нужен пароль: файл smtp_password_file \
                     в config.toml, EZH_SMTP_PASSWORD_FILE или EZH_SMTP_PASSWORD"
                ))
            })?;
            b = b.credentials(Credentials::new(user.clone(), password));
        }
        let domain = from.email.domain().to_string();
        Ok(Mailer {
            transport: b.build(),
            from,
            domain,
            port: server.port,
            tuned: std::cell::Cell::new(false),
        })
    }

    /// Sends one plain-text letter to one recipient; `id` makes its Message-ID, the same on
    /// every attempt, so a letter sent again after a crash is recognised as the same one.
    pub fn send(
        &self,
        to_name: &str,
        to_email: &str,
        subject: &str,
        body: &str,
        id: &str,
    ) -> Result<(), Failure> {
        let refused = |text: String| Failure::Refused {
            permanent: true,
            text,
        };
        let address = to_email
            .parse()
            .map_err(|_| refused(format!("адрес «{to_email}» — не адрес почты")))?;
        let to = Mailbox::new(Some(to_name.to_string()), address);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{id}@{}>", self.domain)))
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| refused(format!("письмо не составлено: {e}")))?;
        let sent = self.transport.send(&message);
        // After the first letter the pool holds its connection (and after an error, perhaps
        // a new one).
        if !self.tuned.get() || sent.is_err() {
            no_delay(self.port);
            self.tuned.set(sent.is_ok());
        }
        match sent {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(Failure::Refused {
                permanent: true,
                text: e.to_string(),
            }),
            Err(e) if e.is_transient() => Err(Failure::Refused {
                permanent: false,
                text: e.to_string(),
            }),
            Err(e) => Err(Failure::Connection(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_the_server_and_never_a_password() {
        let s = parse_url("smtp://127.0.0.1:2525").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.security, s.host.as_str(), s.port),
            (Security::Plain, "127.0.0.1", 2525)
        );
        let s =
            parse_url("smtps://ezh%40college.ru@mail.college.ru").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.security, s.port, s.user.as_deref()),
            (Security::Tls, 465, Some("ezh@college.ru"))
        );
        let s = parse_url("smtp+starttls://mail.college.ru").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.security, s.port), (Security::StartTls, 587));
        let e = parse_url("smtp://ezh:secret@mail")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("пароль в адресе не пишут") && !e.contains("secret"),
            "{e}"
        );
        assert!(parse_url("http://mail").is_err());
        assert!(parse_url("smtp://mail:99999").is_err());
    }
}
