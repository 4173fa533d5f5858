//! tmux as a test's terminal: a server of its own (`-L`), an environment with nothing of the
//! caller's (`EZH_*` above all) and a home of its own, keys sent one at a time, the screen read
//! back until what is awaited appears.

use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server, killed when dropped.
pub struct Tmux {
    socket: String,
    /// The home of what runs in tmux: its settings, data and session, nothing of the caller's.
    pub home: std::path::PathBuf,
}

impl Tmux {
    /// A server named `socket` with a fresh home.
    pub fn new(socket: String) -> Tmux {
        Tmux {
            socket,
            home: super::cli::fresh_home(),
        }
    }

    /// Whether tmux is installed.
    pub fn installed() -> bool {
        Command::new("tmux").arg("-V").output().is_ok()
    }

    /// Runs a tmux command on this server.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        // Only what a terminal needs: no EZH_* of the caller reaches the journal in tmux.
        let mut c = Command::new("tmux");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color");
        super::cli::isolate(&mut c, &self.home);
        c.arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux")
    }

    /// Starts window `j` of `width`×`height` running `cmd` (a shell command line).
    pub fn start(&self, width: u16, height: u16, cmd: &str) {
        let (w, h) = (width.to_string(), height.to_string());
        let out = self.run(&["new-session", "-d", "-s", "j", "-x", &w, "-y", &h, cmd]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Types `text` as it is (no key names).
    pub fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", "j", "-l", text])
            .status
            .success());
    }

    /// The visible screen of window `j`.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-t", "j", "-p"]).stdout).into_owned()
    }

    /// Waits up to 20 s for `text` on the screen and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "«{text}» never appeared:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Sends one keystroke (a key name like Enter, or one literal character).
    pub fn key(&self, k: &str, count: &mut usize) {
        *count += 1;
        let literal = k.chars().count() == 1;
        let args: Vec<&str> = if literal {
            vec!["send-keys", "-t", "j", "-l", k]
        } else {
            vec!["send-keys", "-t", "j", k]
        };
        assert!(self.run(&args).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
